package dev.idic.stages.interactions;

import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.when;

import dev.idic.stages.contract.AsOf;
import dev.idic.stages.contract.TableContract;
import dev.idic.stages.tiers.ValueTier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The marketer lists, each row with a plain-language {@code reason}.
 *
 * <ul>
 *   <li>{@code list_top_20_percent}: customers whose value percentile (share of customers ranked at
 *       or above them) is at most 20%.
 *   <li>{@code list_vip_key_overdue}: VIP and Key customers with a call or visit overdue.
 *   <li>{@code list_high_value_at_risk}: high value (VIP, Key, or in the top 20%) and at risk
 *       (lifecycle stage decline or churned, which is where a low P(alive) puts a customer; see
 *       {@link LifecycleStages}). Churned customers stay on the list: for a high-value customer a
 *       win-back is worth a call.
 * </ul>
 *
 * <p>The customer frames need: customer_id, tier, tier_basis, basis_value, value_rank,
 * value_percentile, p_alive, lifecycle_stage, lifecycle_reason, days_since_last_purchase,
 * last_call_date, last_visit_date.
 */
public final class MarketerLists {

  /** Share of customers in the top list. */
  static final double TOP_SHARE = 0.20;

  private final AsOf asOf;
  private final int horizonMonths;

  /**
   * @param asOf the run's as-of date
   * @param horizonMonths the model horizon, named in reasons about predicted value
   */
  public MarketerLists(AsOf asOf, int horizonMonths) {
    this.asOf = asOf;
    this.horizonMonths = horizonMonths;
  }

  public Dataset<Row> topTwentyPercent(Dataset<Row> customersDF) {
    return customersDF
        .where(col("value_percentile").leq(TOP_SHARE))
        .withColumn(
            "reason",
            concat_ws(
                "; ",
                valuePhrase(),
                ValueTier.label(col("tier")),
                pAlivePhrase(),
                format_string(
                    "last purchase %s ago", Phrases.days(col("days_since_last_purchase"))),
                format_string("lifecycle %s", col("lifecycle_stage"))))
        .orderBy("value_rank", "customer_id")
        .select(columns("list_top_20_percent"));
  }

  /**
   * @param planDF {@code contact_plan}
   */
  public Dataset<Row> vipKeyOverdue(Dataset<Row> planDF) {
    return planDF
        .where(ValueTier.isTop(col("tier")).and(col("contact_overdue")))
        .orderBy(col("days_overdue").desc(), col("customer_id"))
        .select(columns("list_vip_key_overdue"));
  }

  public Dataset<Row> highValueAtRisk(Dataset<Row> customersDF) {
    Column highValue = ValueTier.isTop(col("tier")).or(col("value_percentile").leq(TOP_SHARE));
    Column atRisk = col("lifecycle_stage").isin("decline", "churned");
    return customersDF
        .where(highValue.and(atRisk))
        .withColumn(
            "reason",
            concat_ws(
                "; ",
                valuePhrase(),
                pAlivePhrase(),
                format_string("%s: %s", col("lifecycle_stage"), col("lifecycle_reason")),
                sincePhrase("visit"),
                sincePhrase("call")))
        .orderBy("value_rank", "customer_id")
        .select(columns("list_high_value_at_risk"));
  }

  private Column valuePhrase() {
    Column basis =
        when(
                col("tier_basis").equalTo("predicted_clv"),
                lit("predicted " + horizonMonths + "-month value"))
            .otherwise(lit("historical net spend"));
    // rounded first so that 3% of customers is not read as 3.0000000000000004% and called top 4%
    Column topPercent =
        greatest(lit(1), ceil(round(col("value_percentile").multiply(100), 6)).cast("int"));
    return format_string("top %d%% by %s (%.2f)", topPercent, basis, col("basis_value"));
  }

  private static Column pAlivePhrase() {
    return when(col("p_alive").isNotNull(), format_string("P(alive) %.2f", col("p_alive")));
  }

  private Column sincePhrase(String contact) {
    Column last = col("last_" + contact + "_date");
    return when(last.isNull(), lit("no " + contact + " on record"))
        .otherwise(
            format_string(
                "no %s for %s", lit(contact), Phrases.days(datediff(asOf.dateLit(), last))));
  }

  /** A list's columns, in the order of its contract in {@code schemas/output}. */
  private static Column[] columns(String list) {
    return TableContract.output(list).columnNames().stream()
        .map(c -> col(c))
        .toArray(Column[]::new);
  }
}
