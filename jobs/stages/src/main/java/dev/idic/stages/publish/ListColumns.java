package dev.idic.stages.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.idic.stages.rank.ListRank;
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
 * The columns every marketer list carries for a CRM import, whichever stage built it: tier, R/F
 * segment, CLV, P(alive) and the last purchase date. A list's builder keeps what it computed; the
 * rest comes from tonight's profile by customer id (a customer no longer in the profile, as in
 * {@code list_tier_downgrades}, gets nulls). The profile has one row per customer, so the list
 * keeps its rows.
 */
final class ListColumns {

  /** The CRM columns with their type when the profile lacks them (no models: no clv). */
  private static final List<String> CRM =
      List.of("rfm_segment", "clv", "p_alive", "last_purchase_date");

  private static final Set<String> DOUBLES = Set.of("clv", "p_alive");

  private ListColumns() {}

  static Dataset<Row> complete(Dataset<Row> listDF, Dataset<Row> profileDF) {
    List<String> listed = Arrays.asList(listDF.columns());
    List<String> profiled = Arrays.asList(profileDF.columns());
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
    Dataset<Row> completeDF =
        fromProfile.size() == 1
            ? listDF
            : listDF.join(
                profileDF.select(fromProfile.toArray(Column[]::new)), "customer_id", "left");
    for (String name : absent) {
      completeDF = completeDF.withColumn(name, lit(null).cast(typeOf(name)));
    }
    return completeDF.orderBy(ListRank.COLUMN);
  }

  private static DataType typeOf(String name) {
    if (DOUBLES.contains(name)) {
      return DataTypes.DoubleType;
    }
    return name.endsWith("_date") ? DataTypes.DateType : DataTypes.StringType;
  }
}
