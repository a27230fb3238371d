package dev.idic.stages.publish;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.when;

import dev.idic.stages.contract.ColumnContract;
import dev.idic.stages.contract.TableContract;
import dev.idic.stages.lists.ListRank;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A marketer list as the lines of its CSV file, for a spreadsheet or a CRM import: a header, then
 * one line per row of the list in {@code list_rank} order, the customers input's free attributes
 * (e-mail, phone, region...) appended by customer id.
 *
 * <p>Every text value is quoted, so that a reader that honours quotes (LibreOffice's "quoted field
 * as text", CRM importers) keeps a zero-padded id as text; numbers are never quoted. Each numeric
 * column has one format for all its rows, by the column's unit: money and percents with two
 * decimals, probabilities and other fractions with four, no exponent, no thousands separator, a
 * point as decimal separator. Dates are ISO (yyyy-MM-dd), an empty field is null.
 */
final class ListCsv {

  static final String LINE = "line";

  /** Columns of the customers input that are not contact attributes. */
  private static final Set<String> NOT_CONTACT = Set.of("customer_id", "signup_ts");

  private ListCsv() {}

  /**
   * @param listDF the list as published
   * @param customersDF the accepted customers input, or null when the night has none
   * @return {@code list_rank} (0 for the header) and {@link #LINE}; one line per row of {@code
   *     listDF} plus the header
   */
  static Dataset<Row> lines(Dataset<Row> listDF, TableContract contract, Dataset<Row> customersDF) {
    Dataset<Row> rowsDF = listDF;
    List<String> header = new ArrayList<>(Arrays.asList(listDF.columns()));
    List<Column> fields = new ArrayList<>();
    for (StructField field : listDF.schema().fields()) {
      fields.add(formatted(col(field.name()), field.dataType(), unit(contract, field.name())));
    }
    if (customersDF != null) {
      Set<String> taken = new HashSet<>(header);
      List<Column> contacts = new ArrayList<>(List.of(col("customer_id")));
      for (StructField field : customersDF.schema().fields()) {
        if (NOT_CONTACT.contains(field.name())) {
          continue;
        }
        // An attribute named like a list column ("tier", "segment"...) keeps a prefix.
        String name = taken.contains(field.name()) ? "customer_" + field.name() : field.name();
        taken.add(name);
        header.add(name);
        contacts.add(col(field.name()).as(name));
        fields.add(formatted(col(name), field.dataType(), null));
      }
      if (contacts.size() > 1) {
        // The customers input has one row per customer id (duplicates are quarantined), so the
        // join keeps the list's row count.
        rowsDF =
            listDF.join(customersDF.select(contacts.toArray(Column[]::new)), "customer_id", "left");
      }
    }
    Dataset<Row> linesDF =
        rowsDF.select(col(ListRank.COLUMN), concat_ws(",", fields.toArray(Column[]::new)).as(LINE));
    Dataset<Row> headerDF =
        listDF
            .sparkSession()
            .createDataFrame(
                List.of(RowFactory.create(0L, String.join(",", header))),
                new StructType()
                    .add(ListRank.COLUMN, DataTypes.LongType, false)
                    .add(LINE, DataTypes.StringType, false));
    return headerDF.unionByName(linesDF);
  }

  private static String unit(TableContract contract, String column) {
    return contract.column(column).map(ColumnContract::unit).orElse(null);
  }

  /** One field of a line; never null, so concat_ws keeps every position. */
  private static Column formatted(Column value, DataType type, String unit) {
    Column text;
    if (type.sameType(DataTypes.StringType)) {
      text = concat(lit("\""), regexp_replace(value, "\"", "\"\""), lit("\""));
    } else if (type.sameType(DataTypes.DoubleType) || type.sameType(DataTypes.FloatType)) {
      // A decimal prints plainly: no exponent (1.0E-4), no grouping, the same decimals in every
      // row.
      Column finite = when(value.isNaN().or(abs(value).gt(1e30)), lit(null)).otherwise(value);
      text = finite.cast(DataTypes.createDecimalType(38, decimals(unit))).cast("string");
    } else {
      text = value.cast("string");
    }
    return coalesce(text, lit(""));
  }

  private static int decimals(String unit) {
    if (unit == null) {
      return 4;
    }
    return unit.startsWith("currency") || unit.startsWith("percent") ? 2 : 4;
  }
}
