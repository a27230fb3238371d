package dev.idic.stages.ingest;

import static dev.idic.stages.ingest.RowValidator.DETAIL;
import static dev.idic.stages.ingest.RowValidator.REASON;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Order lines ({@code grain: line}) become transactions: the lines sharing an order key are one
 * purchase. Each line is judged on its own first (a bad line is quarantined, the rest of its order
 * stays); then the lines of an order must agree on the customer, and the accepted lines are summed.
 */
final class LineOrders {

  static final String CONFLICTING_ORDER = "conflicting_order_id";

  private static final String KEY = "transaction_id";

  private LineOrders() {}

  /**
   * Validated lines with the order check added: an accepted line whose customer differs from the
   * customer of its order's earliest accepted line (by source file, then position) is quarantined
   * as {@value #CONFLICTING_ORDER}.
   */
  static Dataset<Row> checked(Dataset<Row> linesDF) {
    Column accepted = col(REASON).isNull();
    WindowSpec earliestFirst =
        Window.partitionBy(col(KEY), accepted)
            .orderBy(col("source_file"), col(RecordNumbers.RECORD));
    Dataset<Row> orderedDF =
        linesDF
            .withColumn("_order_customer", first(col("customer_id")).over(earliestFirst))
            .withColumn("_order_line", first(col(RowValidator.LINE)).over(earliestFirst))
            .withColumn("_order_file", first(col("source_file")).over(earliestFirst));
    Column conflicting = accepted.and(col("customer_id").notEqual(col("_order_customer")));
    Column where =
        when(
                col("_order_line").isNotNull(),
                concat(lit(" on line "), col("_order_line").cast("string"), lit(" of ")))
            .otherwise(lit(" in "));
    return orderedDF
        .withColumn(
            DETAIL,
            when(
                    conflicting,
                    concat(
                        lit("order '"),
                        col(KEY),
                        lit("' belongs to customer '"),
                        col("_order_customer"),
                        lit("'"),
                        where,
                        col("_order_file"),
                        lit(", but this line names customer '"),
                        col("customer_id"),
                        lit("'")))
                .otherwise(col(DETAIL)))
        .withColumn(REASON, when(conflicting, lit(CONFLICTING_ORDER)).otherwise(col(REASON)))
        .drop("_order_customer", "_order_line", "_order_file");
  }

  /**
   * One transaction per order from its accepted lines (shaped by {@link AcceptedRows}): the sum of
   * their amounts and quantities, the earliest time, the quantity-weighted mean unit price; text
   * columns take the smallest value, so that the result does not depend on the order Spark reads
   * the lines in.
   */
  static Dataset<Row> orders(Dataset<Row> acceptedLinesDF) {
    return acceptedLinesDF
        .groupBy(KEY)
        .agg(
            min("customer_id").as("customer_id"),
            min("ts").as("ts"),
            sum("amount").cast("decimal(18,2)").as("amount"),
            min("currency").as("currency"),
            min("channel").as("channel"),
            sum("quantity").cast("int").as("quantity"),
            unitPrice().as("unit_price"),
            min("category").as("category"),
            min("store_id").as("store_id"),
            min("purchase_date").as("purchase_date"),
            min("source_file").as("source_file"))
        .select(
            Arrays.stream(acceptedLinesDF.columns()).map(name -> col(name)).toArray(Column[]::new));
  }

  /**
   * Sum of quantity times unit price over the sum of quantities, when every line has both and the
   * quantities sum above zero; null otherwise, rather than a mean of some of the lines.
   */
  private static Column unitPrice() {
    Column quantity = col("quantity").cast("long");
    Column value = col("unit_price").multiply(quantity);
    // Narrowed first, so that Spark divides to 14 decimals and the cast rounds once, half up, as
    // an exact division would: the default types would round to 6 decimals, then to 4.
    return when(
            count(value).equalTo(count(lit(1))).and(sum(quantity).gt(0)),
            sum(value).cast("decimal(28,4)").divide(sum(quantity).cast("decimal(12,0)")))
        .cast("decimal(18,4)");
  }
}
