package dev.idic.stages.interactions;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.median;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.apache.spark.sql.functions.when;

import dev.idic.stages.contract.AsOf;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Complaints per customer, from {@code interactions_accepted} rows of type {@code complaint} raised
 * on or before D.
 *
 * <p>A complaint is resolved when its {@code resolved_ts} lies before the end of D; otherwise it is
 * open. Its resolution time is resolved_ts - ts in hours. It meets the SLA when resolved within the
 * SLA hours. The SLA share counts only complaints whose outcome is known: resolved ones, and open
 * ones already older than the SLA (misses); open complaints still inside the SLA are not judged
 * yet. A dispute is a complaint whose outcome is one of the configured dispute outcomes.
 *
 * <p>Output, one row per customer with a complaint: {@code customer_id}, {@code complaints_total},
 * {@code complaints_365d}, {@code complaints_open}, {@code disputes_365d} (long), {@code
 * median_resolution_hours} (double, exact median over resolved complaints, null without any),
 * {@code share_resolved_within_sla} (double, null when none is judged yet), {@code
 * mean_satisfaction_after_resolution} (double, mean satisfaction 1..5 of resolved complaints that
 * carry a score, null without any).
 */
public final class ComplaintMetrics {

  private ComplaintMetrics() {}

  /**
   * @param interactionsDF {@code interactions_accepted}: customer_id, ts, interaction_date, type,
   *     resolved_ts, outcome, satisfaction
   */
  public static Dataset<Row> perCustomer(
      Dataset<Row> interactionsDF, AsOf asOf, double slaHours, List<String> disputeOutcomes) {
    Column resolved = isResolved(asOf);
    Column hours = resolutionHours();
    Column ageHours = unix_seconds(asOf.endLit()).minus(unix_seconds(col("ts"))).divide(3600.0);
    Column inSla = resolved.and(hours.leq(slaHours));
    Column judged = resolved.or(ageHours.gt(slaHours));
    Column in365 = asOf.withinLastDays(col("interaction_date"), 365);
    return complaints(interactionsDF, asOf)
        .groupBy("customer_id")
        .agg(
            count(lit(1)).as("complaints_total"),
            count_if(in365).as("complaints_365d"),
            count_if(resolved.unary_$bang()).as("complaints_open"),
            count_if(in365.and(isDispute(disputeOutcomes))).as("disputes_365d"),
            median(when(resolved, hours)).as("median_resolution_hours"),
            count_if(inSla).as("within_sla"),
            count_if(judged).as("judged"),
            avg(when(resolved, col("satisfaction"))).as("mean_satisfaction_after_resolution"))
        .withColumn(
            "share_resolved_within_sla",
            when(col("judged").gt(0), col("within_sla").cast("double").divide(col("judged"))))
        .drop("within_sla", "judged");
  }

  /** The complaints raised on or before D. */
  static Dataset<Row> complaints(Dataset<Row> interactionsDF, AsOf asOf) {
    return interactionsDF.where(
        col("type").equalTo("complaint").and(col("interaction_date").leq(asOf.dateLit())));
  }

  /** Whether a complaint was resolved before the end of D. */
  static Column isResolved(AsOf asOf) {
    return col("resolved_ts").isNotNull().and(col("resolved_ts").lt(asOf.endLit()));
  }

  static Column isDispute(List<String> disputeOutcomes) {
    return coalesce(lower(col("outcome")).isin(disputeOutcomes.toArray()), lit(false));
  }

  private static Column resolutionHours() {
    return unix_seconds(col("resolved_ts")).minus(unix_seconds(col("ts"))).divide(3600.0);
  }
}
