package dev.idic.stages.interactions;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.idic.stages.contract.AsOf;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Recent purchase behaviour per customer, from {@code transactions_accepted}.
 *
 * <p>A purchase day is a date with at least one transaction of positive amount; a return is a
 * transaction with a negative amount. With P the churn period, the current period is the P days
 * ending on D and the previous period the P days before it.
 *
 * <p>Output, one row per customer with a transaction on or before D: {@code customer_id}, {@code
 * purchase_days_365d} (long), {@code net_spend_365d} and {@code net_spend_prev_365d} (double, net
 * of returns, the 365 days ending on D and the 365 days before), {@code returns_365d} (long),
 * {@code active_previous_period} and {@code active_current_period} (boolean: a purchase day in the
 * period).
 */
public final class PurchaseActivity {

  private PurchaseActivity() {}

  /**
   * @param transactionsDF {@code transactions_accepted}: customer_id, purchase_date, amount
   */
  public static Dataset<Row> perCustomer(
      Dataset<Row> transactionsDF, AsOf asOf, int churnPeriodDays) {
    Column amount = col("amount").cast("double");
    // one row per customer and day first: purchase days are then counted without a distinct
    Dataset<Row> daysDF =
        transactionsDF
            .where(col("purchase_date").leq(asOf.dateLit()))
            .groupBy("customer_id", "purchase_date")
            .agg(
                sum(amount).as("net_amount"),
                count_if(amount.gt(0)).gt(0).as("purchase_day"),
                count_if(amount.lt(0)).as("returns"));
    Column date = col("purchase_date");
    Column purchaseDay = col("purchase_day");
    Column lastYear = asOf.withinLastDays(date, 365);
    Column yearBefore = asOf.withinDaysEndingBefore(date, 365, 365);
    return daysDF
        .groupBy("customer_id")
        .agg(
            count_if(purchaseDay.and(lastYear)).as("purchase_days_365d"),
            coalesce(sum(when(lastYear, col("net_amount"))), lit(0.0)).as("net_spend_365d"),
            coalesce(sum(when(yearBefore, col("net_amount"))), lit(0.0)).as("net_spend_prev_365d"),
            coalesce(sum(when(lastYear, col("returns"))), lit(0L)).as("returns_365d"),
            count_if(
                    purchaseDay.and(
                        asOf.withinDaysEndingBefore(date, churnPeriodDays, churnPeriodDays)))
                .gt(0)
                .as("active_previous_period"),
            count_if(purchaseDay.and(asOf.withinLastDays(date, churnPeriodDays)))
                .gt(0)
                .as("active_current_period"));
  }
}
