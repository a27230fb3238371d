package dev.idic.stages.publish;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.idic.stages.lists.ListRank;
import dev.idic.stages.tiers.ValueTier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Tonight's customers against those of an earlier published night: how each customer's tier and R/F
 * segment moved, the flows between tiers and between segments, and the customers who left the top
 * tiers. A first night compares with no night: every customer is {@code new}.
 *
 * <p>{@code tier_change}: {@code up} or {@code down} by the tier order (VIP, Key, Regular, Small),
 * {@code same}, {@code new} (not in the compared night, first purchase after it), {@code returned}
 * (not in the compared night although the first purchase is on or before its date: the customer's
 * earlier purchases reached the warehouse only later, or were all returns then). In the
 * transitions, {@code from} is {@code new} for every customer absent from the compared night and
 * {@code to} is {@code gone} for every customer of the compared night absent tonight, so the rows
 * add up to both nights' customers.
 *
 * @param comparedTo the as-of date of the compared night, null on a first night
 */
public record TierMigration(LocalDate comparedTo) {

  public static final String NEW = "new";
  public static final String GONE = "gone";

  /** {@code profileDF} with previous_tier, previous_segment and tier_change. */
  public Dataset<Row> withPrevious(Dataset<Row> profileDF, Dataset<Row> previousDF) {
    Dataset<Row> earlierDF =
        previousDF.select(
            col("customer_id"),
            col("tier").as("previous_tier"),
            col("rfm_segment").as("previous_segment"));
    Column before = ValueTier.position(col("previous_tier"));
    Column now = ValueTier.position(col("tier"));
    Column change =
        when(col("previous_tier").isNull(), absentChange())
            .when(now.lt(before), lit("up"))
            .when(now.gt(before), lit("down"))
            .otherwise(lit("same"));
    List<Column> columns = new ArrayList<>();
    Arrays.stream(profileDF.columns()).forEach(c -> columns.add(col(c)));
    columns.add(col("previous_tier"));
    columns.add(col("previous_segment"));
    columns.add(change.as("tier_change"));
    return profileDF.join(earlierDF, "customer_id", "left").select(columns.toArray(Column[]::new));
  }

  /** {@code tier_transitions}: customers, value and revenue per (from_tier, to_tier). */
  public Dataset<Row> tierTransitions(Dataset<Row> profileDF, Dataset<Row> previousDF) {
    return transitions(profileDF, previousDF, "tier", "from_tier", "to_tier");
  }

  /** {@code segment_transitions}: the same per (from_segment, to_segment) of rfm_segment. */
  public Dataset<Row> segmentTransitions(Dataset<Row> profileDF, Dataset<Row> previousDF) {
    return transitions(profileDF, previousDF, "rfm_segment", "from_segment", "to_segment");
  }

  /**
   * {@code list_tier_downgrades}: customers who were VIP or Key in the compared night and are in a
   * lower tier tonight or no longer customers, best first by their value then, with the reason.
   */
  public Dataset<Row> downgrades(Dataset<Row> profileDF, Dataset<Row> previousDF) {
    Dataset<Row> earlierDF =
        previousDF
            .where(ValueTier.isTop(col("tier")))
            .select(
                col("customer_id"),
                col("tier").as("previous_tier"),
                col("value_rank").as("previous_value_rank"));
    Dataset<Row> tonightDF =
        profileDF.select(
            col("customer_id"),
            col("tier"),
            col("value_rank"),
            col("basis_value"),
            col("days_since_last_purchase"),
            Arrays.asList(profileDF.columns()).contains("p_alive")
                ? col("p_alive")
                : lit(null).cast("double").as("p_alive"));
    Column was =
        concat(lit("was "), ValueTier.label(col("previous_tier")), lit(" on " + comparedTo));
    Column reason =
        when(col("tier").isNull(), concat(was, lit(", no longer among tonight's customers")))
            .otherwise(
                concat(
                    was,
                    lit(", now "),
                    ValueTier.label(col("tier")),
                    lit(": no purchase for "),
                    col("days_since_last_purchase").cast("string"),
                    lit(" days")));
    return earlierDF
        .join(tonightDF, "customer_id", "left")
        .where(
            col("tier")
                .isNull()
                .or(ValueTier.position(col("tier")).gt(ValueTier.position(col("previous_tier")))))
        .select(
            col("customer_id"),
            col("previous_tier"),
            coalesce(col("tier"), lit(GONE)).as("tier"),
            col("previous_value_rank"),
            col("value_rank"),
            col("basis_value"),
            col("days_since_last_purchase"),
            col("p_alive"),
            reason.as("reason"))
        .transform(df -> ListRank.ranked(df, col("previous_value_rank"), col("customer_id")));
  }

  private Column absentChange() {
    return comparedTo == null
        ? lit(NEW)
        : when(col("first_purchase_date").leq(lit(java.sql.Date.valueOf(comparedTo))), "returned")
            .otherwise(NEW);
  }

  private Dataset<Row> transitions(
      Dataset<Row> profileDF, Dataset<Row> previousDF, String column, String from, String to) {
    Dataset<Row> tonightDF =
        profileDF.select(
            col("customer_id"),
            col(column).as("now"),
            col("basis_value").cast("double").as("value_now"),
            col("total_spend").cast("double").as("revenue_now"));
    Dataset<Row> earlierDF =
        previousDF.select(
            col("customer_id"),
            col(column).as("before"),
            col("basis_value").cast("double").as("value_before"),
            col("total_spend").cast("double").as("revenue_before"));
    Column gone = col("now").isNull();
    return tonightDF
        .join(earlierDF, tonightDF.col("customer_id").equalTo(earlierDF.col("customer_id")), "full")
        .select(
            coalesce(col("before"), lit(NEW)).as(from),
            coalesce(col("now"), lit(GONE)).as(to),
            when(gone, col("value_before")).otherwise(col("value_now")).as("value"),
            when(gone, col("revenue_before")).otherwise(col("revenue_now")).as("revenue"))
        .groupBy(from, to)
        .agg(count(lit(1)).as("customers"), sum("value").as("value"), sum("revenue").as("revenue"))
        .select(
            lit(comparedTo == null ? null : java.sql.Date.valueOf(comparedTo))
                .cast("date")
                .as("compared_to"),
            col(from),
            col(to),
            col("customers"),
            col("value"),
            col("revenue"))
        .orderBy(from, to);
  }
}
