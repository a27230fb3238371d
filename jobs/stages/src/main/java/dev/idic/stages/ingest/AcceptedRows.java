package dev.idic.stages.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.to_date;

import dev.idic.stages.contract.RunContext;
import dev.idic.stages.contract.TableContract;
import dev.idic.stages.contract.Tables;
import dev.idic.stages.settings.InputSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * Shapes accepted rows into the staged table of their input: the contract columns plus what later
 * stages need (the local day of each transaction or interaction, whether an interaction's customer
 * is known, a customer's free attributes).
 */
final class AcceptedRows {

  private AcceptedRows() {}

  static Dataset<Row> of(
      String inputName, Dataset<Row> acceptedDF, TableContract contract, RunContext context) {
    String zone = context.settings().timeZone().getId();
    List<Column> columns = new ArrayList<>();
    contract.columnNames().forEach(name -> columns.add(col(name)));
    switch (inputName) {
      case "transactions" -> {
        columns.add(to_date(from_utc_timestamp(col("ts"), zone)).as("purchase_date"));
        columns.add(col("source_file"));
        return acceptedDF.select(columns.toArray(Column[]::new));
      }
      case "interactions" -> {
        columns.add(to_date(from_utc_timestamp(col("ts"), zone)).as("interaction_date"));
        Dataset<Row> knownDF =
            context
                .spark()
                .read()
                .parquet(context.paths().staged(Tables.TRANSACTIONS_ACCEPTED))
                .select(col("customer_id"))
                .distinct()
                .withColumn("known_customer", functions.lit(true));
        columns.add(
            functions.coalesce(col("known_customer"), functions.lit(false)).as("known_customer"));
        // One row per customer: small next to the interactions, which would otherwise all be
        // shuffled for the join.
        return acceptedDF
            .join(functions.broadcast(knownDF), "customer_id", "left")
            .select(columns.toArray(Column[]::new));
      }
      case "customers" -> {
        // Free attributes (region, segment, ...) travel along as the source gave them.
        StructType raw = (StructType) acceptedDF.schema().apply(RowValidator.RAW).dataType();
        InputSource source = context.settings().customers();
        Set<String> taken = new HashSet<>(contract.columnNames());
        contract.columnNames().forEach(name -> taken.add(source.sourceColumn(name)));
        for (String field : raw.fieldNames()) {
          if (!taken.contains(field)) {
            columns.add(col(RowValidator.RAW + "." + field).as(field));
          }
        }
        return acceptedDF.select(columns.toArray(Column[]::new));
      }
      default -> {
        return acceptedDF.select(columns.toArray(Column[]::new));
      }
    }
  }
}
