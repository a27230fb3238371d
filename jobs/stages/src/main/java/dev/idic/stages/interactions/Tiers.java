package dev.idic.stages.interactions;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The value tiers of {@code customer_tiers}, and per-tier summaries with an overall row. */
final class Tiers {

  static final List<String> ALL = List.of("vip", "key", "regular", "small");

  /** The tier value of the summary row over all customers. */
  static final String OVERALL = "all";

  private Tiers() {}

  /** The tier as people write it: VIP, Key, Regular, Small. */
  static Column label(Column tier) {
    return when(tier.equalTo("vip"), lit("VIP"))
        .when(tier.equalTo("key"), lit("Key"))
        .when(tier.equalTo("regular"), lit("Regular"))
        .when(tier.equalTo("small"), lit("Small"))
        .otherwise(tier);
  }

  /**
   * Runs a per-customer aggregation per tier and over everyone; the overall row comes last and
   * tiers in value order.
   */
  static Dataset<Row> summarise(Dataset<Row> customersDF, Column first, Column... rest) {
    Dataset<Row> perTierDF = customersDF.groupBy("tier").agg(first, rest);
    Dataset<Row> overallDF =
        customersDF.withColumn("tier", lit(OVERALL)).groupBy("tier").agg(first, rest);
    Column order = lit(ALL.size());
    for (int i = ALL.size() - 1; i >= 0; i--) {
      order = when(col("tier").equalTo(ALL.get(i)), lit(i)).otherwise(order);
    }
    return perTierDF
        .unionByName(overallDF)
        .withColumn(
            "tier_order", when(col("tier").equalTo(OVERALL), lit(ALL.size() + 1)).otherwise(order))
        .orderBy("tier_order")
        .drop("tier_order");
  }
}
