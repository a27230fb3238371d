package dev.idic.stages.lists;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.idic.stages.contract.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The columns every marketer list carries for a CRM import, whichever stage builds it: R/F segment,
 * CLV, P(alive) and the last purchase date (next to the tier, id, rank and reason the builders
 * give). A list keeps what its builder computed; the rest comes from a per-customer frame by
 * customer id (a customer missing there, as a gone one in {@code list_tier_downgrades}, gets
 * nulls). That frame has one row per customer, so the list keeps its rows.
 */
public final class ListColumns {

  /** The CRM columns; one the frame lacks (no models: no clv) is null. */
  private static final List<String> CRM =
      List.of("rfm_segment", "clv", "p_alive", "last_purchase_date");

  private static final Set<String> DOUBLES = Set.of("clv", "p_alive");

  private ListColumns() {}

  /**
   * @param list the list's table, whose contract gives the column order
   * @param listDF the list with {@code customer_id} and {@link ListRank#COLUMN}
   * @param customersDF one row per customer with whichever of the CRM columns it has
   * @return the list with every CRM column, in its contract's order, sorted by its rank
   */
  public static Dataset<Row> complete(Table list, Dataset<Row> listDF, Dataset<Row> customersDF) {
    List<String> listed = Arrays.asList(listDF.columns());
    List<String> profiled = Arrays.asList(customersDF.columns());
    List<Column> fromProfile = new ArrayList<>(List.of(col("customer_id")));
    List<String> absent = new ArrayList<>();
    for (String name : CRM) {
      if (listed.contains(name)) {
        continue;
      }
      if (profiled.contains(name)) {
        fromProfile.add(col(name));
      } else {
        absent.add(name);
      }
    }
    Dataset<Row> completeDF = listDF;
    if (fromProfile.size() > 1) {
      completeDF =
          listDF
              .join(customersDF.select(fromProfile.toArray(Column[]::new)), "customer_id", "left")
              .orderBy(ListRank.COLUMN);
    }
    for (String name : absent) {
      completeDF = completeDF.withColumn(name, lit(null).cast(typeOf(name)));
    }
    return completeDF.select(
        list.contract().columnNames().stream().map(c -> col(c)).toArray(Column[]::new));
  }

  private static DataType typeOf(String name) {
    if (DOUBLES.contains(name)) {
      return DataTypes.DoubleType;
    }
    return name.endsWith("_date") ? DataTypes.DateType : DataTypes.StringType;
  }
}
