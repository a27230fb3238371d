package dev.idic.stages.features;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.months_between;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code cohort_retention}: customers grouped by the calendar month of their first purchase day;
 * for each cohort and each month since, up to the month of the as-of date, how many of them had a
 * purchase day in that month and their net spend in it.
 *
 * <p>Purchase days are the summary's ({@link CustomerSummary#days}) and a cohort's customers are
 * the summary's customers of that first-purchase month. Months are the local calendar months of the
 * purchase dates; the as-of month is partial (up to D). Every (cohort, month since) pair is
 * present, with zeros where nobody bought, so a heatmap has no holes. Revenue is net of returns in
 * that month; a return dated before a customer's first purchase day belongs to no cohort month and
 * is left out (it still nets the customer's total_spend). Only the accepted transactions up to D
 * enter, so a backfill of an old date gives the table that date would have had.
 */
public final class CohortRetention {

  private CohortRetention() {}

  /**
   * @param transactionsDF the accepted transactions
   * @param customersDF the customer summary ({@link CustomerSummary}): its {@code customer_id} and
   *     {@code first_purchase_date} place each customer in a cohort, so the transactions are read
   *     once here
   */
  public static Dataset<Row> from(
      Dataset<Row> transactionsDF, Dataset<Row> customersDF, LocalDate asOfDate) {
    Dataset<Row> cohortsDF =
        customersDF.select(
            col("customer_id"), trunc(col("first_purchase_date"), "month").as("cohort_month"));
    Dataset<Row> activityDF =
        CustomerSummary.days(transactionsDF)
            .select(
                col("customer_id"),
                trunc(col("purchase_date"), "month").as("month"),
                col("is_purchase_day"),
                col("day_value"))
            .groupBy("customer_id", "month")
            .agg(max(col("is_purchase_day")).as("active"), sum(col("day_value")).as("cents"))
            .join(cohortsDF, "customer_id")
            .withColumn("months_since", monthsSince(col("month"), col("cohort_month")))
            .filter(col("months_since").geq(0))
            .groupBy("cohort_month", "months_since")
            .agg(count_if(col("active")).as("active_customers"), sum(col("cents")).as("cents"));

    Column lastMonth = lit(java.sql.Date.valueOf(asOfDate.withDayOfMonth(1)));
    Dataset<Row> gridDF =
        cohortsDF
            .groupBy("cohort_month")
            .agg(count(lit(1)).as("cohort_customers"))
            .withColumn(
                "months_since",
                explode(sequence(lit(0), monthsSince(lastMonth, col("cohort_month")))));

    return gridDF
        .join(activityDF, new String[] {"cohort_month", "months_since"}, "left")
        .select(
            col("cohort_month"),
            col("months_since"),
            col("cohort_customers"),
            coalesce(col("active_customers"), lit(0L)).as("active_customers"),
            coalesce(col("active_customers"), lit(0L))
                .divide(col("cohort_customers"))
                .as("retained_share"),
            CustomerSummary.fromCents(coalesce(col("cents"), lit(0L))).as("revenue"))
        .orderBy("cohort_month", "months_since");
  }

  /** Whole months from the first day of one month to the first day of another. */
  private static Column monthsSince(Column month, Column cohortMonth) {
    return months_between(month, cohortMonth).cast("int");
  }
}
