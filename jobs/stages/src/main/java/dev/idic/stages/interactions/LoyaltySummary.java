package dev.idic.stages.interactions;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@code loyalty_summary} table, one row per tier (no overall row; see {@link Tiers}): {@code
 * customers}; {@code mean_tenure_days} (the average transaction age); {@code
 * active_previous_period}, {@code churned_in_period} and {@code churn_rate} = churned / active in
 * the previous period; {@code repeat_customers} and {@code repeat_purchase_rate} = share of
 * customers who bought on more than one day; {@code customers_with_wallet_estimate} and {@code
 * mean_share_of_wallet} over them; {@code mean_loyalty_index}.
 *
 * <p>Needs the columns {@link Loyalty} adds, plus tier, active_previous_period and p_alive.
 */
public final class LoyaltySummary {

  private LoyaltySummary() {}

  public static Dataset<Row> apply(Dataset<Row> engagementDF) {
    return Tiers.summarise(
            engagementDF,
            count(lit(1)).as("customers"),
            avg(col("tenure_days")).as("mean_tenure_days"),
            count_if(col("active_previous_period")).as("active_previous_period"),
            count_if(col("churned_in_period")).as("churned_in_period"),
            count_if(col("repeat_customer")).as("repeat_customers"),
            count(col("share_of_wallet")).as("customers_with_wallet_estimate"),
            avg(col("share_of_wallet")).as("mean_share_of_wallet"),
            avg(col("loyalty_index")).as("mean_loyalty_index"))
        .withColumn("churn_rate", ratio("churned_in_period", "active_previous_period"))
        .withColumn("repeat_purchase_rate", ratio("repeat_customers", "customers"))
        .select(
            "tier",
            "customers",
            "mean_tenure_days",
            "active_previous_period",
            "churned_in_period",
            "churn_rate",
            "repeat_customers",
            "repeat_purchase_rate",
            "customers_with_wallet_estimate",
            "mean_share_of_wallet",
            "mean_loyalty_index");
  }

  private static Column ratio(String numerator, String denominator) {
    return when(col(denominator).gt(0), col(numerator).cast("double").divide(col(denominator)));
  }
}
