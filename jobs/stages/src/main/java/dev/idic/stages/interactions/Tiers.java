package dev.idic.stages.interactions;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dev.idic.stages.tiers.ValueTier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Per-tier summaries with an overall row. */
final class Tiers {

  /** The tier value of the summary row over all customers. */
  static final String OVERALL = "all";

  private Tiers() {}

  /**
   * Runs a per-customer aggregation per tier and over everyone; the overall row comes last and
   * tiers in value order.
   */
  static Dataset<Row> summarise(Dataset<Row> customersDF, Column first, Column... rest) {
    Dataset<Row> perTierDF = customersDF.groupBy("tier").agg(first, rest);
    Dataset<Row> overallDF =
        customersDF.withColumn("tier", lit(OVERALL)).groupBy("tier").agg(first, rest);
    return perTierDF
        .unionByName(overallDF)
        .withColumn(
            "tier_order",
            when(col("tier").equalTo(OVERALL), lit(Integer.MAX_VALUE))
                .otherwise(ValueTier.position(col("tier"))))
        .orderBy("tier_order")
        .drop("tier_order");
  }
}
