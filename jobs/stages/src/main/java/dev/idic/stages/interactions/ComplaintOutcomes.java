package dev.idic.stages.interactions;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dev.idic.stages.contract.AsOf;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code complaint_outcomes} table: do customers whose complaints were resolved keep buying
 * more than those whose complaints were not, and than those who never complained?
 *
 * <p>With P the churn period, complaint status is taken before the current period (the P days
 * ending on D) and purchases are observed in it. The cohort is every customer whose first purchase
 * lies on or before D - P. Its groups:
 *
 * <ul>
 *   <li>{@code resolved}: raised at least one complaint on or before D - P, and every such
 *       complaint was closed by the end of D with an outcome that resolves it (anything but {@code
 *       unresolved} or a dispute outcome such as {@code disputed}): the complaints "resolved well"
 *       of the source material;
 *   <li>{@code unresolved}: raised at least one complaint on or before D - P that is still open at
 *       the end of D, or was closed unresolved or disputed;
 *   <li>{@code never_complained}: no complaint at all on or before D.
 * </ul>
 *
 * Customers whose first complaint falls inside the current period belong to no group: their
 * purchases in the period partly precede the complaint.
 *
 * <p>Metrics per group: {@code customers}; {@code repeat_purchasers} = customers with a purchase
 * day in the current period, and {@code repeat_purchase_rate} = repeat_purchasers / customers;
 * {@code active_previous_period} = customers with a purchase day in the previous period (the P days
 * before the current one), {@code churned} = those of them without a purchase day in the current
 * period, and {@code churn_rate} = churned / active_previous_period. Rates are null for an empty
 * base. The three rows are always present.
 */
public final class ComplaintOutcomes {

  static final List<String> GROUPS = List.of("resolved", "unresolved", "never_complained");

  private ComplaintOutcomes() {}

  /**
   * @param interactionsDF {@code interactions_accepted}
   * @param activityDF per customer: customer_id, first_purchase_date, active_previous_period,
   *     active_current_period (see {@link dev.idic.stages.features.RecentPurchases})
   * @param disputeOutcomes outcomes that close a complaint as disputed (lower case)
   */
  public static Dataset<Row> apply(
      Dataset<Row> interactionsDF,
      Dataset<Row> activityDF,
      AsOf asOf,
      int churnPeriodDays,
      List<String> disputeOutcomes) {
    List<String> notResolved = new java.util.ArrayList<>(disputeOutcomes);
    notResolved.add("unresolved");
    Column resolvedWell =
        ComplaintMetrics.isResolved(asOf)
            .and(ComplaintMetrics.isDispute(notResolved).unary_$bang());
    Column periodStart = date_sub(asOf.dateLit(), churnPeriodDays);
    Column beforePeriod = col("interaction_date").leq(periodStart);
    Dataset<Row> statusDF =
        ComplaintMetrics.complaints(interactionsDF, asOf)
            .groupBy("customer_id")
            .agg(
                count_if(beforePeriod).as("complaints_before_period"),
                count_if(beforePeriod.and(resolvedWell.unary_$bang())).as("open_before_period"));

    Column group =
        when(col("complaints_before_period").isNull(), lit("never_complained"))
            .when(col("open_before_period").gt(0), lit("unresolved"))
            .when(col("complaints_before_period").gt(0), lit("resolved"));
    Dataset<Row> groupedDF =
        activityDF
            .where(col("first_purchase_date").leq(periodStart))
            .join(statusDF, "customer_id", "left")
            .withColumn("complaint_group", group)
            .where(col("complaint_group").isNotNull());

    Column previous = coalesce(col("active_previous_period"), lit(false));
    Column current = coalesce(col("active_current_period"), lit(false));
    Dataset<Row> metricsDF =
        groupedDF
            .groupBy("complaint_group")
            .agg(
                count(lit(1)).as("customers"),
                count_if(current).as("repeat_purchasers"),
                count_if(previous).as("active_previous_period"),
                count_if(previous.and(current.unary_$bang())).as("churned"));

    return groups(interactionsDF.sparkSession())
        .join(metricsDF, "complaint_group", "left")
        .na()
        .fill(
            0L,
            new String[] {"customers", "repeat_purchasers", "active_previous_period", "churned"})
        .withColumn("repeat_purchase_rate", ratio("repeat_purchasers", "customers"))
        .withColumn("churn_rate", ratio("churned", "active_previous_period"))
        .orderBy("group_order")
        .drop("group_order");
  }

  private static Column ratio(String numerator, String denominator) {
    return when(col(denominator).gt(0), col(numerator).cast("double").divide(col(denominator)));
  }

  private static Dataset<Row> groups(SparkSession spark) {
    StructType schema =
        new StructType()
            .add("complaint_group", DataTypes.StringType, false)
            .add("group_order", DataTypes.IntegerType, false);
    List<Row> rows = GROUPS.stream().map(g -> RowFactory.create(g, GROUPS.indexOf(g))).toList();
    return spark.createDataFrame(rows, schema);
  }
}
