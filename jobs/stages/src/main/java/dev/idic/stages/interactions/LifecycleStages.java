package dev.idic.stages.interactions;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dev.idic.stages.settings.ContactSettings.LifecycleRules;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The relationship lifecycle stage per customer: acquisition, growth, maturity, decline, churned.
 * The first rule that holds decides, in this order:
 *
 * <ol>
 *   <li><b>churned</b>: P(alive) below {@code churnedBelowPAlive}; or, by the gap rule, more days
 *       since the last purchase than both the churn period and {@code churnedGapMultiple} times the
 *       customer's expected gap;
 *   <li><b>decline</b>: P(alive) below {@code declineBelowPAlive}; or, by the gap rule, more days
 *       since the last purchase than {@code declineGapMultiple} times the expected gap;
 *   <li><b>acquisition</b>: a single purchase day, or tenure of at most {@code
 *       acquisitionMaxTenureDays};
 *   <li><b>growth</b>: tenure below {@code maturityMinTenureDays}, or net spend in the last 365
 *       days at least {@code growthSpendRatio} times a positive net spend in the 365 days before;
 *   <li><b>maturity</b>: everyone else.
 * </ol>
 *
 * <p>The expected gap is the customer's own mean inter-purchase time, (last - first purchase day) /
 * frequency, or the churn period for a customer with a single purchase day. The gap rule applies
 * when there is no P(alive) (no model ran, or its fit was degenerate: {@link TrustedPAlive}) and
 * also to single-purchase-day customers: under BG/NBD their P(alive) is 1 by construction and says
 * nothing about them.
 *
 * <p>Adds {@code mean_inter_purchase_days} (double, null with a single purchase day), {@code
 * lifecycle_stage} and {@code lifecycle_reason} (plain language). Needs: p_alive (nullable),
 * frequency, first_purchase_date, last_purchase_date, days_since_last_purchase, tenure_days,
 * net_spend_365d, net_spend_prev_365d.
 */
public final class LifecycleStages {

  private LifecycleStages() {}

  public static Dataset<Row> addStage(
      Dataset<Row> customersDF, int churnPeriodDays, LifecycleRules rules) {
    Column pAlive = col("p_alive");
    Column idle = col("days_since_last_purchase");
    Column gap = col("expected_gap_days");
    Column gapRuleApplies = pAlive.isNull().or(col("frequency").equalTo(0));
    Column churnedByGap =
        gapRuleApplies
            .and(idle.gt(churnPeriodDays))
            .and(idle.gt(gap.multiply(rules.churnedGapMultiple())));
    Column declineByGap = gapRuleApplies.and(idle.gt(gap.multiply(rules.declineGapMultiple())));
    Column churnedByPAlive = pAlive.lt(rules.churnedBelowPAlive());
    Column declineByPAlive = pAlive.lt(rules.declineBelowPAlive());
    Column growingSpend =
        col("net_spend_prev_365d")
            .gt(0)
            .and(
                col("net_spend_365d")
                    .geq(col("net_spend_prev_365d").multiply(rules.growthSpendRatio())));

    Column stage =
        when(churnedByPAlive, lit("churned"))
            .when(churnedByGap, lit("churned"))
            .when(declineByPAlive, lit("decline"))
            .when(declineByGap, lit("decline"))
            .when(
                col("frequency")
                    .equalTo(0)
                    .or(col("tenure_days").leq(rules.acquisitionMaxTenureDays())),
                lit("acquisition"))
            .when(
                col("tenure_days").lt(rules.maturityMinTenureDays()).or(growingSpend),
                lit("growth"))
            .otherwise(lit("maturity"));
    Column reason =
        when(
                churnedByPAlive,
                format_string("P(alive) %.2f below %.2f", pAlive, lit(rules.churnedBelowPAlive())))
            .when(churnedByGap, gapReason(idle, gap, rules.churnedGapMultiple()))
            .when(
                declineByPAlive,
                format_string("P(alive) %.2f below %.2f", pAlive, lit(rules.declineBelowPAlive())))
            .when(declineByGap, gapReason(idle, gap, rules.declineGapMultiple()))
            .when(
                col("frequency").equalTo(0),
                format_string("single purchase day, %s ago", Phrases.days(idle)))
            .when(
                col("tenure_days").leq(rules.acquisitionMaxTenureDays()),
                format_string("customer for %s", Phrases.days(col("tenure_days"))))
            .when(
                col("tenure_days").lt(rules.maturityMinTenureDays()),
                format_string(
                    "customer for %s, under %d",
                    Phrases.days(col("tenure_days")), lit(rules.maturityMinTenureDays())))
            .when(
                growingSpend,
                format_string(
                    "last-year net spend %.2f is %.1f x the year before",
                    col("net_spend_365d"),
                    col("net_spend_365d").divide(col("net_spend_prev_365d"))))
            .otherwise(
                format_string(
                    "customer for %s, buying every %.0f days, last purchase %s ago",
                    Phrases.days(col("tenure_days")),
                    col("expected_gap_days"),
                    Phrases.days(idle)));
    return customersDF
        .withColumn(
            "mean_inter_purchase_days",
            when(
                col("frequency").gt(0),
                datediff(col("last_purchase_date"), col("first_purchase_date"))
                    .divide(col("frequency"))))
        .withColumn(
            "expected_gap_days",
            when(col("frequency").gt(0), col("mean_inter_purchase_days"))
                .otherwise(lit((double) churnPeriodDays)))
        .withColumn("lifecycle_stage", stage)
        .withColumn("lifecycle_reason", reason)
        .drop("expected_gap_days");
  }

  private static Column gapReason(Column idle, Column gap, double multiple) {
    return format_string(
        "no purchase for %s, over %.1f x the expected gap of %.0f days",
        Phrases.days(idle), lit(multiple), gap);
  }
}
