package dev.idic.stages.interactions;

import static dev.idic.stages.interactions.Fixtures.AS_OF;
import static dev.idic.stages.interactions.Fixtures.date;
import static dev.idic.stages.interactions.Fixtures.frame;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class MarketerListsTest {

  private final MarketerLists lists = new MarketerLists(AS_OF, 12);

  private final Dataset<Row> customersDF =
      frame(
          "customer_id string, tier string, tier_basis string, basis_value double,"
              + " value_rank long, value_percentile double, p_alive double,"
              + " lifecycle_stage string, lifecycle_reason string, days_since_last_purchase int,"
              + " last_call_date date, last_visit_date date",
          new Object[] {
            "v",
            "vip",
            "predicted_clv",
            1234.5,
            3L,
            0.03,
            0.41,
            "decline",
            "P(alive) 0.41 below 0.50",
            95,
            date("2026-06-01"),
            date("2026-02-19")
          },
          new Object[] {
            "k", "key", "predicted_clv", 500.0, 10L, 0.10, 0.95, "maturity", "steady", 5, null, null
          },
          new Object[] {
            "r",
            "regular",
            "predicted_clv",
            300.0,
            20L,
            0.20,
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
            0.90,
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
        .as("percentile at most 20%, best first")
        .containsExactly("v", "k", "r");
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
}
