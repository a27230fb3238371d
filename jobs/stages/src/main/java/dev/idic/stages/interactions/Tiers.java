package dev.idic.stages.interactions;

import static org.apache.spark.sql.functions.col;

import dev.idic.stages.tiers.ValueTier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Per-tier summaries. There is no overall row: a row that is the sum of the others doubles every
 * total a BI tool sums over the table. The tables carry the counts their rates and means are made
 * of, so the totals are a sum (or a weighted mean) away.
 */
final class Tiers {

  private Tiers() {}

  /** Runs a per-customer aggregation per tier, tiers in value order. */
  static Dataset<Row> summarise(Dataset<Row> customersDF, Column first, Column... rest) {
    return customersDF
        .groupBy("tier")
        .agg(first, rest)
        .withColumn("tier_order", ValueTier.position(col("tier")))
        .orderBy("tier_order")
        .drop("tier_order");
  }
}
