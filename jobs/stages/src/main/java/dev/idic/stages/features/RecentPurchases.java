package dev.idic.stages.features;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.idic.stages.contract.AsOf;
import java.util.List;
import org.apache.spark.sql.Column;

/**
 * Recent purchase behaviour per customer ({@code recent_purchases}), aggregated from the same
 * customer days as the summary ({@link CustomerSummary#days}) so that the transactions are
 * aggregated once for every stage.
 *
 * <p>Here a day counts as a purchase day when it has at least one line of positive amount, and a
 * return is a line of negative amount. With P the churn period, the current period is the P days
 * ending on D and the previous period the P days before it.
 *
 * <p>Columns, in {@link #COLUMNS} order: {@code purchase_days_365d} (long), {@code net_spend_365d}
 * and {@code net_spend_prev_365d} (double, net of returns, the 365 days ending on D and the 365
 * days before), {@code returns_365d} (long), {@code active_previous_period} and {@code
 * active_current_period} (boolean: a purchase day in the period).
 *
 * @param churnPeriodDays P
 */
public record RecentPurchases(AsOf asOf, int churnPeriodDays) {

  public static final List<String> COLUMNS =
      List.of(
          "purchase_days_365d",
          "net_spend_365d",
          "net_spend_prev_365d",
          "returns_365d",
          "active_previous_period",
          "active_current_period");

  /** The aggregates over a customer's days, named as {@link #COLUMNS}; spend still in cents. */
  List<Column> aggregates() {
    Column date = col("purchase_date");
    Column sale = col("has_sale");
    Column lastYear = asOf.withinLastDays(date, 365);
    Column yearBefore = asOf.withinDaysEndingBefore(date, 365, 365);
    return List.of(
        count_if(sale.and(lastYear)).as("purchase_days_365d"),
        coalesce(sum(when(lastYear, col("day_net"))), lit(0L)).as("net_spend_365d"),
        coalesce(sum(when(yearBefore, col("day_net"))), lit(0L)).as("net_spend_prev_365d"),
        coalesce(sum(when(lastYear, col("return_lines"))), lit(0L)).as("returns_365d"),
        count_if(sale.and(asOf.withinDaysEndingBefore(date, churnPeriodDays, churnPeriodDays)))
            .gt(0)
            .as("active_previous_period"),
        count_if(sale.and(asOf.withinLastDays(date, churnPeriodDays)))
            .gt(0)
            .as("active_current_period"));
  }

  /** The final columns from the aggregates: spend from cents to amounts. */
  List<Column> columns() {
    return COLUMNS.stream()
        .map(c -> c.startsWith("net_spend") ? CustomerSummary.fromCents(col(c)).as(c) : col(c))
        .toList();
  }
}
