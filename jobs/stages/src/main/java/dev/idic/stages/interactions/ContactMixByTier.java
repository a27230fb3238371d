package dev.idic.stages.interactions;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@code contact_mix_by_tier} table: how each tier is contacted in the 365 days ending on D,
 * one row per tier (no overall row; see {@link Tiers}). Shares are of the tier's interactions (a
 * ratio of sums, so heavy contacts weigh more than in a mean of customer shares); null without any.
 *
 * <p>Columns: tier, customers, customers_contacted_365d, interactions_365d,
 * interactions_per_customer_365d, company_initiated_share, then {@code share_<channel>} per
 * channel. Needs the per-customer counts of {@link ContactHistory}, zero-filled, and tier.
 */
public final class ContactMixByTier {

  private ContactMixByTier() {}

  public static Dataset<Row> apply(Dataset<Row> engagementDF) {
    List<Column> aggregates = new ArrayList<>();
    aggregates.add(count_if(col("interactions_365d").gt(0)).as("customers_contacted_365d"));
    aggregates.add(sum("interactions_365d").as("interactions_365d"));
    aggregates.add(sum("company_initiated_365d").as("company_initiated_365d"));
    for (String c : Channels.ALL) {
      aggregates.add(sum("interactions_365d_" + c).as("n_" + c));
    }
    Dataset<Row> mixDF =
        Tiers.summarise(
                engagementDF, count(lit(1)).as("customers"), aggregates.toArray(Column[]::new))
            .withColumn(
                "interactions_per_customer_365d",
                col("interactions_365d").cast("double").divide(col("customers")))
            .withColumn("company_initiated_share", share("company_initiated_365d"));
    List<String> columns =
        new ArrayList<>(
            List.of(
                "customers",
                "customers_contacted_365d",
                "interactions_365d",
                "interactions_per_customer_365d",
                "company_initiated_share"));
    for (String c : Channels.ALL) {
      mixDF = mixDF.withColumn("share_" + c, share("n_" + c));
      columns.add("share_" + c);
    }
    return mixDF.select("tier", columns.toArray(String[]::new));
  }

  private static Column share(String count) {
    return when(
        col("interactions_365d").gt(0), col(count).cast("double").divide(col("interactions_365d")));
  }
}
