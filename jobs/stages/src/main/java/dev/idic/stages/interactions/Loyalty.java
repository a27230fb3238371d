package dev.idic.stages.interactions;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dev.idic.stages.contract.AsOf;
import dev.idic.stages.settings.ContactSettings.LoyaltyIndexRules;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Loyalty measures per customer, added as columns to a per-customer frame.
 *
 * <ul>
 *   <li>{@code tenure_days} (int): the customer's "transaction age", D - first purchase date.
 *   <li>{@code repeat_customer} (boolean): bought on more than one day (frequency > 0).
 *   <li>{@code churned_in_period} (boolean): bought in the previous period and not in the current.
 *   <li>{@code share_of_wallet} (double 0..1): net spend in the 365 days ending on D divided by the
 *       estimated yearly category spend, capped at 1 (an estimate below our own spend is taken to
 *       be low) and floored at 0; null without a positive estimate.
 *   <li>the loyalty index components (double 0..1) and {@code loyalty_index} (double 0..100), as
 *       defined in {@link LoyaltyIndexRules}.
 * </ul>
 *
 * <p>Needs: first_purchase_date, frequency, days_since_last_purchase, purchase_days_365d,
 * net_spend_365d, active_previous_period, active_current_period, estimated_category_spend (null
 * when none), p_alive (null when the models did not run).
 */
public final class Loyalty {

  private Loyalty() {}

  public static Dataset<Row> addMeasures(
      Dataset<Row> customersDF, AsOf asOf, int churnPeriodDays, LoyaltyIndexRules rules) {
    Column retentionFallback =
        greatest(
            lit(0.0),
            lit(1.0).minus(col("days_since_last_purchase").divide(2.0 * churnPeriodDays)));
    Column weighted =
        col("loyalty_retention_component")
            .multiply(rules.retentionWeight())
            .plus(col("loyalty_tenure_component").multiply(rules.tenureWeight()))
            .plus(col("loyalty_frequency_component").multiply(rules.frequencyWeight()));
    double baseWeight = rules.retentionWeight() + rules.tenureWeight() + rules.frequencyWeight();
    return customersDF
        .withColumn("tenure_days", datediff(asOf.dateLit(), col("first_purchase_date")))
        .withColumn("repeat_customer", col("frequency").gt(0))
        .withColumn(
            "churned_in_period",
            col("active_previous_period").and(col("active_current_period").unary_$bang()))
        .withColumn(
            "share_of_wallet",
            when(
                col("estimated_category_spend").gt(0),
                least(
                    lit(1.0),
                    greatest(
                        lit(0.0), col("net_spend_365d").divide(col("estimated_category_spend"))))))
        .withColumn(
            "loyalty_retention_component",
            when(col("p_alive").isNull(), retentionFallback)
                .when(col("frequency").equalTo(0), least(col("p_alive"), retentionFallback))
                .otherwise(col("p_alive")))
        .withColumn(
            "loyalty_tenure_component",
            least(lit(1.0), col("tenure_days").divide((double) rules.fullTenureDays())))
        .withColumn(
            "loyalty_frequency_component",
            least(
                lit(1.0),
                col("purchase_days_365d").divide((double) rules.fullPurchaseDaysPerYear())))
        .withColumn("loyalty_wallet_component", col("share_of_wallet"))
        .withColumn(
            "loyalty_index",
            when(
                    col("loyalty_wallet_component").isNotNull(),
                    weighted
                        .plus(col("loyalty_wallet_component").multiply(rules.walletWeight()))
                        .divide(baseWeight + rules.walletWeight()))
                .otherwise(weighted.divide(baseWeight))
                .multiply(100.0));
  }
}
