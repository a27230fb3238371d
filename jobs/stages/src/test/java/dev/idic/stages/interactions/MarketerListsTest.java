package dev.idic.stages.interactions;

import static dev.idic.stages.interactions.Fixtures.AS_OF;
import static dev.idic.stages.interactions.Fixtures.date;
import static dev.idic.stages.interactions.Fixtures.frame;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idic.stages.settings.TierSettings;
import dev.idic.stages.testing.LocalSpark;
import dev.idic.stages.tiers.TierAssignment;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class MarketerListsTest {

  /** 100 customers ranked: the top 20% are ranks 1..20. */
  private final MarketerLists lists = new MarketerLists(AS_OF, 12, 100);

  private final Dataset<Row> customersDF =
      frame(
          "customer_id string, tier string, tier_basis string, basis_value double,"
              + " value_rank long, top_percent double, p_alive double,"
              + " lifecycle_stage string, lifecycle_reason string, days_since_last_purchase int,"
              + " last_call_date date, last_visit_date date",
          new Object[] {
            "v",
            "vip",
            "predicted_clv",
            1234.5,
            3L,
            3.0,
            0.41,
            "decline",
            "P(alive) 0.41 below 0.50",
            95,
            date("2026-06-01"),
            date("2026-02-19")
          },
          new Object[] {
            "k", "key", "predicted_clv", 500.0, 10L, 10.0, 0.95, "maturity", "steady", 5, null, null
          },
          new Object[] {
            "r",
            "regular",
            "predicted_clv",
            300.0,
            20L,
            20.0,
            null,
            "churned",
            "no purchase for 400 days",
            400,
            null,
            null
          },
          new Object[] {
            "s",
            "small",
            "predicted_clv",
            10.0,
            90L,
            90.0,
            0.05,
            "churned",
            "P(alive) 0.05 below 0.10",
            500,
            null,
            null
          });

  @Test
  void topTwentyPercentSaysWhy() {
    List<Row> rows = lists.topTwentyPercent(customersDF).collectAsList();
    assertThat(rows)
        .extracting(r -> r.<String>getAs("customer_id"))
        .as("ranked within the top 20%, best first")
        .containsExactly("v", "k", "r");
    assertThat(rows)
        .extracting(r -> r.<Long>getAs("list_rank"))
        .as("the list's own rank")
        .containsExactly(1L, 2L, 3L);
    assertThat(rows.get(0).<String>getAs("reason"))
        .as("value, tier, P(alive), recency, lifecycle")
        .isEqualTo(
            "top 3% by predicted 12-month value (1234.50); VIP; P(alive) 0.41;"
                + " last purchase 95 days ago; lifecycle decline");
    assertThat(rows.get(2).<String>getAs("reason"))
        .as("no P(alive) phrase without models")
        .startsWith("top 20% by predicted 12-month value (300.00); Regular; last purchase");
  }

  @Test
  void highValueAtRiskNeedsBothValueAndRisk() {
    List<Row> rows = lists.highValueAtRisk(customersDF).collectAsList();
    assertThat(rows)
        .extracting(r -> r.<String>getAs("customer_id"))
        .as("v declining, r churned; k is safe, s is not high value")
        .containsExactly("v", "r");
    assertThat(rows.get(0).<String>getAs("reason"))
        .as("the issue's example reason")
        .isEqualTo(
            "top 3% by predicted 12-month value (1234.50); P(alive) 0.41;"
                + " decline: P(alive) 0.41 below 0.50; no visit for 131 days; no call for 29 days");
    assertThat(rows.get(1).<String>getAs("reason"))
        .as("never contacted")
        .endsWith("no visit on record; no call on record");
  }

  @Test
  void vipKeyOverdueTakesOnlyOverdueVipAndKey() {
    Dataset<Row> planDF =
        frame(
            "customer_id string, tier string, service_level string, last_call_date date,"
                + " next_call_due date, days_call_overdue int, last_visit_date date,"
                + " next_visit_due date, days_visit_overdue int, days_overdue int,"
                + " contact_overdue boolean, reason string",
            new Object[] {"v1", "vip", "tier", null, null, 5, null, null, 0, 5, true, "x"},
            new Object[] {"v2", "vip", "tier", null, null, 0, null, null, 0, 0, false, "x"},
            new Object[] {"k1", "key", "tier", null, null, 0, null, null, 40, 40, true, "x"},
            new Object[] {"r1", "regular", "tier", null, null, 90, null, null, 0, 90, true, "x"});
    assertThat(lists.vipKeyOverdue(planDF).collectAsList())
        .extracting(r -> r.<String>getAs("customer_id"))
        .as("overdue VIP and Key, most overdue first")
        .containsExactly("k1", "v1");
  }

  /**
   * CDNOW's 2,357 customers as-of 1997-09-30 gave a list of 471 next to 472 VIP and Key: the list
   * kept rank / n at most 0.20 (⌊0.2·n⌋ ranks), the Key cut ⌈0.2·n⌉. Twelve customers show it: the
   * tiers make ranks 1..3 VIP or Key (0.2·12 = 2.4), and rank 3 is 25% of 12.
   */
  @Test
  void topTwentyPercentHoldsExactlyTheVipAndKeyCustomers() {
    for (long customers : List.of(12L, 2357L)) {
      List<Row> values = new ArrayList<>();
      for (long i = 1; i <= customers; i++) {
        values.add(RowFactory.create(String.format("c%05d", i), 100_000.0 - i));
      }
      Dataset<Row> tiersDF =
          TierAssignment.assign(
              LocalSpark.session()
                  .createDataFrame(
                      values,
                      new StructType()
                          .add("customer_id", DataTypes.StringType)
                          .add("basis_value", DataTypes.DoubleType)),
              TierSettings.defaults(),
              "predicted_clv",
              customers,
              0.0);
      Dataset<Row> customersDF =
          tiersDF
              .withColumn("p_alive", lit(0.5))
              .withColumn("lifecycle_stage", lit("maturity"))
              .withColumn("days_since_last_purchase", lit(3));
      long vipAndKey = tiersDF.where(col("tier").isin("vip", "key")).count();
      List<Row> listed =
          new MarketerLists(AS_OF, 12, customers).topTwentyPercent(customersDF).collectAsList();
      assertThat(listed)
          .as("%d customers: the list is VIP + Key (%d)", customers, vipAndKey)
          .hasSize((int) vipAndKey)
          .allMatch(r -> List.of("vip", "key").contains(r.<String>getAs("tier")));
      assertThat(listed.get(listed.size() - 1).<String>getAs("reason"))
          .as("the last of the list says how far down it ranks, rounded up")
          .startsWith(customers == 12 ? "top 25% by" : "top 20.03% by");
    }
  }
}
