package dev.idic.stages.tiers;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.format_number;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import dev.idic.stages.rank.GlobalRank;
import dev.idic.stages.settings.TierSettings;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Ranks customers by a value basis and cuts the ranking into tiers, with the columns that explain
 * each assignment.
 *
 * <p>Rule: rank customers by basis value, highest first, ties by customer id. With n customers, the
 * first ⌈vip·n⌉ are VIP, up to ⌈(vip+key)·n⌉ Key, up to ⌈(vip+key+regular)·n⌉ Regular, the rest
 * Small. A tier's threshold is the basis value of its lowest-ranked member.
 */
public final class TierAssignment {

  private TierAssignment() {}

  /**
   * @param valuesDF {@code customer_id} and {@code basis_value}
   * @param basisName the basis as stored in {@code tier_basis} (predicted_clv, historical_spend)
   */
  public static Dataset<Row> assign(
      Dataset<Row> valuesDF,
      TierSettings settings,
      String basisName,
      long customers,
      double total) {
    long vipEnd = boundary(settings.vipShare(), customers);
    long keyEnd = boundary(settings.vipShare() + settings.keyShare(), customers);
    long regularEnd =
        boundary(settings.vipShare() + settings.keyShare() + settings.regularShare(), customers);

    Dataset<Row> rankedDF =
        GlobalRank.withRank(
            valuesDF.select("customer_id", "basis_value"),
            List.of(col("basis_value").desc(), col("customer_id").asc()),
            "value_rank",
            "basis_value",
            "_running_value");
    Column rank = col("value_rank");
    Dataset<Row> tieredDF =
        rankedDF
            .withColumn(
                "tier",
                when(rank.leq(vipEnd), lit(ValueTier.VIP.code()))
                    .when(rank.leq(keyEnd), lit(ValueTier.KEY.code()))
                    .when(rank.leq(regularEnd), lit(ValueTier.REGULAR.code()))
                    .otherwise(lit(ValueTier.SMALL.code())))
            // rank / n first, then * 100: the same double as before the column was a percent
            .withColumn("top_percent", rank.divide((double) Math.max(customers, 1)).multiply(100))
            .withColumn(
                "cumulative_value_share",
                total == 0 ? lit(null).cast("double") : col("_running_value").divide(total))
            .drop("_running_value");

    Dataset<Row> thresholdsDF =
        tieredDF.groupBy("tier").agg(min("basis_value").as("tier_threshold"));
    return tieredDF
        .join(broadcast(thresholdsDF), "tier")
        .withColumn("tier_basis", lit(basisName))
        .withColumn("tier_rule", rule(settings, basisName, customers, vipEnd, keyEnd, regularEnd))
        .select(
            "customer_id",
            "tier",
            "tier_basis",
            "basis_value",
            "value_rank",
            "top_percent",
            "cumulative_value_share",
            "tier_threshold",
            "tier_rule");
  }

  /**
   * Number of customers ranked inside the top {@code share}: ⌈share·n⌉, the rule of every tier cut
   * and of the top-20% lists, so a list and the tiers never disagree on the last customer.
   */
  public static long boundary(double share, long customers) {
    return (long) Math.ceil(share * customers - 1e-9);
  }

  private static Column rule(
      TierSettings settings,
      String basisName,
      long customers,
      long vipEnd,
      long keyEnd,
      long regularEnd) {
    String basis = basisName.replace('_', ' ');
    Column tierRange =
        when(
                col("tier").equalTo(ValueTier.VIP.code()),
                lit(range("VIP", "top", settings.vipShare(), 1, vipEnd, customers, basis)))
            .when(
                col("tier").equalTo(ValueTier.KEY.code()),
                lit(
                    range(
                        "Key", "next", settings.keyShare(), vipEnd + 1, keyEnd, customers, basis)))
            .when(
                col("tier").equalTo(ValueTier.REGULAR.code()),
                lit(
                    range(
                        "Regular",
                        "next",
                        settings.regularShare(),
                        keyEnd + 1,
                        regularEnd,
                        customers,
                        basis)))
            .otherwise(
                lit(
                    String.format(
                        Locale.ROOT,
                        "Small: everyone below the top %.0f%% (ranks %d-%d of %d) by %s",
                        100 * (settings.vipShare() + settings.keyShare() + settings.regularShare()),
                        regularEnd + 1,
                        customers,
                        customers,
                        basis)));
    return format_string(
        "%s; this customer ranks %d (top %s%%) with %s, tier threshold %s",
        tierRange,
        col("value_rank"),
        format_number(col("top_percent"), 2),
        format_number(col("basis_value"), 2),
        format_number(col("tier_threshold"), 2));
  }

  private static String range(
      String tier,
      String position,
      double share,
      long from,
      long to,
      long customers,
      String basis) {
    return String.format(
        Locale.ROOT,
        "%s: %s %.0f%% by %s (ranks %d-%d of %d)",
        tier,
        position,
        100 * share,
        basis,
        from,
        to,
        customers);
  }
}
