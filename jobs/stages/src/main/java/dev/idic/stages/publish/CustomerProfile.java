package dev.idic.stages.publish;

import static org.apache.spark.sql.functions.col;

import dev.idic.stages.tiers.ValueTier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One row per customer with every metric of the run: the summary and RFM, the model scores, the
 * value tier with its explanation, and the engagement measures. Parts a run did not compute (no
 * models, no interactions) are simply absent.
 */
public final class CustomerProfile {

  private CustomerProfile() {}

  /**
   * @param featuresDF {@code customer_features}: defines the customers
   * @param parts further per-customer tables keyed by {@code customer_id}, null when absent
   */
  public static Dataset<Row> assemble(Dataset<Row> featuresDF, List<Dataset<Row>> parts) {
    Dataset<Row> profileDF = featuresDF;
    Set<String> columns = new LinkedHashSet<>(Arrays.asList(featuresDF.columns()));
    for (Dataset<Row> partDF : parts) {
      if (partDF == null) {
        continue;
      }
      List<String> added = new ArrayList<>();
      for (String name : partDF.columns()) {
        if (columns.add(name)) {
          added.add(name);
        }
      }
      added.add(0, "customer_id");
      profileDF =
          profileDF.join(
              partDF.select(added.stream().map(c -> col(c)).toArray(Column[]::new)),
              scala.jdk.javaapi.CollectionConverters.asScala(List.of("customer_id")).toSeq(),
              "left");
    }
    return profileDF.select(columns.stream().map(c -> col(c)).toArray(Column[]::new));
  }

  /** The top 20%: VIP and Key customers, best first. */
  public static Dataset<Row> topCustomers(Dataset<Row> profileDF) {
    List<String> wanted =
        List.of(
            "value_rank",
            "customer_id",
            "tier",
            "basis_value",
            "cumulative_value_share",
            "total_spend",
            "purchase_days",
            "days_since_last_purchase",
            "rfm_segment",
            "p_alive",
            "clv",
            "tier_rule");
    Set<String> present = new LinkedHashSet<>(Arrays.asList(profileDF.columns()));
    return profileDF
        .filter(ValueTier.isTop(col("tier")))
        .select(wanted.stream().filter(present::contains).map(c -> col(c)).toArray(Column[]::new))
        .orderBy("value_rank");
  }
}
