package dev.idic.stages.publish;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import dev.idic.stages.tiers.ValueTier;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The small summary tables a marketer or a dashboard reads first: how customers and value split
 * across tiers and RFM segments, and how concentrated value is (the Pareto curve). Shares are taken
 * over all customers in the profile: each summary row is divided by the totals of the summary rows,
 * a one-row aggregate joined onto them. (A window without partition columns would do the same, but
 * Spark warns about every such window on every run.)
 */
public final class ValueSummaries {

  private static final String TOTAL = "_total_";

  private ValueSummaries() {}

  /** One row per tier: customers, value and revenue with their shares. */
  public static Dataset<Row> tierSummary(Dataset<Row> profileDF) {
    return withSharesOfTotals(
            profileDF
                .groupBy("tier", "tier_basis")
                .agg(
                    count(lit(1)).as("customers"),
                    sum("basis_value").as("basis_value_total"),
                    sum("total_spend").as("revenue"),
                    min("basis_value").as("tier_threshold"),
                    max("basis_value").as("basis_value_max"),
                    avg("basis_value").as("basis_value_avg"),
                    avg("days_since_last_purchase").as("avg_days_since_last_purchase"),
                    avg("purchase_days").as("avg_purchase_days")),
            "customers",
            "share_of_customers",
            "revenue",
            "share_of_revenue",
            "basis_value_total",
            "share_of_value")
        .withColumn("_order", ValueTier.position(col("tier")))
        .orderBy("_order")
        .drop("_order");
  }

  /** One row per RFM segment: customers and revenue with their shares, mean scores. */
  public static Dataset<Row> segmentSummary(Dataset<Row> profileDF) {
    return withSharesOfTotals(
            profileDF
                .groupBy("rfm_segment")
                .agg(
                    count(lit(1)).as("customers"),
                    sum("total_spend").as("revenue"),
                    avg("r_score").as("avg_r_score"),
                    avg("f_score").as("avg_f_score"),
                    avg("m_score").as("avg_m_score"),
                    avg("days_since_last_purchase").as("avg_days_since_last_purchase"),
                    avg("purchase_days").as("avg_purchase_days")),
            "customers",
            "share_of_customers",
            "revenue",
            "share_of_revenue")
        .orderBy(col("revenue").desc(), col("rfm_segment"));
  }

  /**
   * The Pareto curve: for the top 1%, 2%, ..., 100% of customers by tier basis, the share of total
   * value they hold.
   */
  public static Dataset<Row> valueConcentration(Dataset<Row> tiersDF) {
    return tiersDF
        .groupBy(ceil(col("value_percentile").multiply(100)).cast("int").as("top_percent"))
        .agg(
            max("value_rank").as("customers"),
            max("cumulative_value_share").as("cumulative_value_share"))
        .orderBy("top_percent");
  }

  /**
   * Adds, for each pair (column, share) of {@code columnsAndShares}, {@code share} = {@code column}
   * / its total over every row of {@code summaryDF}, in the order given.
   */
  static Dataset<Row> withSharesOfTotals(Dataset<Row> summaryDF, String... columnsAndShares) {
    List<Column> totals = new ArrayList<>();
    for (int i = 0; i < columnsAndShares.length; i += 2) {
      totals.add(sum(columnsAndShares[i]).as(TOTAL + columnsAndShares[i]));
    }
    Dataset<Row> sharesDF =
        summaryDF.crossJoin(
            summaryDF.agg(totals.get(0), totals.subList(1, totals.size()).toArray(Column[]::new)));
    for (int i = 0; i < columnsAndShares.length; i += 2) {
      String column = columnsAndShares[i];
      sharesDF =
          sharesDF
              .withColumn(columnsAndShares[i + 1], col(column).divide(col(TOTAL + column)))
              .drop(TOTAL + column);
    }
    return sharesDF;
  }
}
