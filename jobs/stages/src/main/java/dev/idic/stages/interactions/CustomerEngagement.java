package dev.idic.stages.interactions;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import dev.idic.stages.contract.AsOf;
import dev.idic.stages.contract.TableContract;
import dev.idic.stages.features.RecentPurchases;
import dev.idic.stages.settings.ContactSettings;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Builds the per-customer engagement frame: one row per customer of {@code customer_tiers}, with
 * the contact history ({@link ContactHistory}), complaints ({@link ComplaintMetrics}), recent
 * purchases ({@link RecentPurchases}, staged by the features stage), loyalty ({@link Loyalty}),
 * lifecycle ({@link LifecycleStages}) and difficulty ({@link DifficultyClasses}). Customers without
 * interactions get zero counts and null dates, shares and complaint statistics.
 *
 * <p>Inputs are cast to their contract types where a format string or division relies on them.
 */
public final class CustomerEngagement {

  /** The columns of {@code customer_engagement}, in the order of its contract. */
  public static final List<String> COLUMNS =
      TableContract.output("customer_engagement").columnNames();

  private final AsOf asOf;
  private final ContactSettings settings;

  public CustomerEngagement(AsOf asOf, ContactSettings settings) {
    this.asOf = asOf;
    this.settings = settings;
  }

  /** The {@code customer_engagement} table, columns in the order of {@link #COLUMNS}. */
  public Dataset<Row> build(EngagementInputs inputs) {
    Dataset<Row> customersDF =
        inputs
            .tiersDF()
            .select("customer_id", "tier")
            .join(
                inputs
                    .featuresDF()
                    .select(
                        col("customer_id"),
                        col("first_purchase_date"),
                        col("last_purchase_date"),
                        col("days_since_last_purchase").cast("int"),
                        col("frequency").cast("int")),
                "customer_id")
            .join(inputs.recentPurchasesDF(), "customer_id")
            .join(ContactHistory.perCustomer(inputs.interactionsDF(), asOf), "customer_id", "left")
            .join(
                ComplaintMetrics.perCustomer(
                    inputs.interactionsDF(),
                    asOf,
                    settings.complaintSlaHours(),
                    settings.difficulty().disputeOutcomes()),
                "customer_id",
                "left")
            .join(
                inputs.scoresDF().select(col("customer_id"), col("p_alive").cast("double")),
                "customer_id",
                "left")
            .join(oneEstimatePerCustomer(inputs.walletDF()), "customer_id", "left")
            .na()
            .fill(0L, zeroWhenAbsent().toArray(String[]::new));
    customersDF =
        Loyalty.addMeasures(customersDF, asOf, settings.churnPeriodDays(), settings.loyalty());
    customersDF =
        LifecycleStages.addStage(customersDF, settings.churnPeriodDays(), settings.lifecycle());
    return DifficultyClasses.addClass(customersDF, settings.difficulty())
        .select(COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new));
  }

  private static List<String> zeroWhenAbsent() {
    List<String> columns =
        new ArrayList<>(
            List.of(
                "interactions_90d",
                "interactions_365d",
                "company_initiated_365d",
                "customer_initiated_365d",
                "complaints_total",
                "complaints_365d",
                "complaints_open",
                "disputes_365d"));
    for (String c : Channels.ALL) {
      columns.add("interactions_90d_" + c);
      columns.add("interactions_365d_" + c);
    }
    return columns;
  }

  /** The contract promises one estimate per customer; a duplicate must not duplicate customers. */
  private static Dataset<Row> oneEstimatePerCustomer(Dataset<Row> walletDF) {
    return walletDF
        .groupBy("customer_id")
        .agg(max(col("estimated_category_spend").cast("double")).as("estimated_category_spend"));
  }
}
