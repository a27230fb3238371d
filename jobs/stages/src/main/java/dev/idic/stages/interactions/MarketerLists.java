package dev.idic.stages.interactions;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dev.idic.stages.contract.AsOf;
import dev.idic.stages.contract.TableContract;
import dev.idic.stages.lists.ListRank;
import dev.idic.stages.tiers.TierAssignment;
import dev.idic.stages.tiers.ValueTier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The marketer lists, each row with a plain-language {@code reason}.
 *
 * <ul>
 *   <li>{@code list_top_20_percent}: the customers ranked within the top 20% by the tier basis,
 *       under the tiers' own rounding ({@link TierAssignment#boundary}: the first ⌈0.2·n⌉), so with
 *       the default shares it holds exactly the VIP and Key customers of {@code top_customers}.
 *   <li>{@code list_vip_key_overdue}: VIP and Key customers with a call or visit overdue.
 *   <li>{@code list_high_value_at_risk}: high value (VIP, Key, or in the top 20%) and at risk
 *       (lifecycle stage decline or churned, which is where a low P(alive) puts a customer; see
 *       {@link LifecycleStages}). Churned customers stay on the list: for a high-value customer a
 *       win-back is worth a call.
 * </ul>
 *
 * <p>Every list is ranked ({@code list_rank}, 1 = first to call, a total order); the columns a CRM
 * import needs that a list does not compute (segment, CLV, last purchase date) are added by {@link
 * dev.idic.stages.lists.ListColumns}.
 *
 * <p>The customer frames need: customer_id, tier, tier_basis, basis_value, value_rank, top_percent,
 * p_alive, lifecycle_stage, lifecycle_reason, days_since_last_purchase, last_call_date,
 * last_visit_date.
 */
public final class MarketerLists {

  /** Share of customers in the top list. */
  static final double TOP_SHARE = 0.20;

  private final AsOf asOf;
  private final int horizonMonths;
  private final long topRanks;

  /**
   * @param asOf the run's as-of date
   * @param horizonMonths the model horizon, named in reasons about predicted value
   * @param customers the number of ranked customers
   */
  public MarketerLists(AsOf asOf, int horizonMonths, long customers) {
    this.asOf = asOf;
    this.horizonMonths = horizonMonths;
    // A share test on rank / n (at most 0.20) keeps ⌊0.2·n⌋ customers; the Key cut keeps ⌈0.2·n⌉:
    // on CDNOW's 2,357 customers the list lost the 472nd, the last Key customer.
    this.topRanks = TierAssignment.boundary(TOP_SHARE, customers);
  }

  public Dataset<Row> topTwentyPercent(Dataset<Row> customersDF) {
    return customersDF
        .where(inTopTwentyPercent())
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
        .transform(df -> ListRank.ranked(df, col("value_rank")))
        .select(columns("list_top_20_percent", customersDF));
  }

  /**
   * @param planDF {@code contact_plan}
   */
  public Dataset<Row> vipKeyOverdue(Dataset<Row> planDF) {
    return planDF
        .where(ValueTier.isTop(col("tier")).and(col("contact_overdue")))
        .transform(df -> ListRank.ranked(df, col("days_overdue").desc(), col("customer_id")))
        .select(columns("list_vip_key_overdue", planDF));
  }

  public Dataset<Row> highValueAtRisk(Dataset<Row> customersDF) {
    Column highValue = ValueTier.isTop(col("tier")).or(inTopTwentyPercent());
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
        .transform(df -> ListRank.ranked(df, col("value_rank")))
        .select(columns("list_high_value_at_risk", customersDF));
  }

  private Column inTopTwentyPercent() {
    return col("value_rank").leq(topRanks);
  }

  private Column valuePhrase() {
    Column basis =
        when(
                col("tier_basis").equalTo("predicted_clv"),
                lit("predicted " + horizonMonths + "-month value"))
            .otherwise(lit("historical net spend"));
    return format_string(
        "top %s%% by %s (%.2f)", Phrases.percent(col("top_percent")), basis, col("basis_value"));
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

  /**
   * A list's columns that {@code sourceDF} has (or the list adds), in the order of its contract in
   * {@code schemas/output}; {@link dev.idic.stages.lists.ListColumns} adds the CRM columns.
   */
  private static Column[] columns(String list, Dataset<Row> sourceDF) {
    List<String> present = new ArrayList<>(Arrays.asList(sourceDF.columns()));
    present.addAll(List.of(ListRank.COLUMN, "reason"));
    return TableContract.output(list).columnNames().stream()
        .filter(present::contains)
        .map(c -> col(c))
        .toArray(Column[]::new);
  }
}
