package dev.idic.stages.interactions;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import dev.idic.stages.contract.AsOf;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Contact history per customer, from {@code interactions_accepted}: every interaction on or before
 * D, whoever started it, counts as a contact.
 *
 * <p>A call is an interaction of type {@code call} or on the {@code phone} channel; a visit is an
 * interaction of type {@code visit} or on the {@code face_to_face} channel. Customer-initiated
 * calls and visits count too: the relationship had its conversation either way.
 *
 * <p>Output, one row per customer with an interaction: {@code customer_id}; per channel c of {@link
 * Channels#ALL}: {@code interactions_90d_<c>}, {@code interactions_365d_<c>} (long), {@code
 * last_contact_date_<c>} (date), {@code contact_share_<c>} (double, the channel's share of the
 * customer's interactions in the 365 days ending on D, null without any); totals {@code
 * interactions_90d}, {@code interactions_365d}, {@code company_initiated_365d}, {@code
 * customer_initiated_365d} (long); {@code last_contact_date}, {@code last_call_date}, {@code
 * last_visit_date} (date).
 */
public final class ContactHistory {

  private ContactHistory() {}

  /**
   * @param interactionsDF {@code interactions_accepted}: customer_id, interaction_date, channel,
   *     initiator, type
   */
  public static Dataset<Row> perCustomer(Dataset<Row> interactionsDF, AsOf asOf) {
    Column date = col("interaction_date");
    Column in90 = asOf.withinLastDays(date, 90);
    Column in365 = asOf.withinLastDays(date, 365);
    Column channel = col("channel");
    List<Column> aggregates = new ArrayList<>();
    for (String c : Channels.ALL) {
      aggregates.add(count_if(channel.equalTo(c).and(in90)).as("interactions_90d_" + c));
      aggregates.add(count_if(channel.equalTo(c).and(in365)).as("interactions_365d_" + c));
      aggregates.add(max(when(channel.equalTo(c), date)).as("last_contact_date_" + c));
    }
    aggregates.add(count_if(in90).as("interactions_90d"));
    aggregates.add(count_if(in365).as("interactions_365d"));
    aggregates.add(
        count_if(in365.and(col("initiator").equalTo("company"))).as("company_initiated_365d"));
    aggregates.add(
        count_if(in365.and(col("initiator").equalTo("customer"))).as("customer_initiated_365d"));
    aggregates.add(max(date).as("last_contact_date"));
    aggregates.add(max(when(isCall(), date)).as("last_call_date"));
    aggregates.add(max(when(isVisit(), date)).as("last_visit_date"));

    Dataset<Row> historyDF =
        interactionsDF
            .where(date.leq(asOf.dateLit()))
            .groupBy("customer_id")
            .agg(
                aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new));
    for (String c : Channels.ALL) {
      historyDF =
          historyDF.withColumn(
              "contact_share_" + c,
              when(
                  col("interactions_365d").gt(0),
                  col("interactions_365d_" + c).cast("double").divide(col("interactions_365d"))));
    }
    return historyDF;
  }

  static Column isCall() {
    return col("type").equalTo("call").or(col("channel").equalTo("phone"));
  }

  static Column isVisit() {
    return col("type").equalTo("visit").or(col("channel").equalTo("face_to_face"));
  }
}
