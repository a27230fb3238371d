package dev.idic.stages.interactions;

import static dev.idic.stages.interactions.Fixtures.byCustomer;
import static dev.idic.stages.interactions.Fixtures.date;
import static dev.idic.stages.interactions.Fixtures.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.idic.stages.settings.ContactSettings.LifecycleRules;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LifecycleStagesTest {

  // Defaults: churned below P(alive) 0.10, decline below 0.50; gap multiples 3 and 1.5;
  // acquisition up to 90 days, maturity from 365 days, growth at 1.25 x last year's spend.
  // Churn period 90 days. Dates only matter for the mean inter-purchase time.
  private final Dataset<Row> stagesDF =
      LifecycleStages.addStage(
          frame(
              "customer_id string, p_alive double, frequency int, first_purchase_date date,"
                  + " last_purchase_date date, days_since_last_purchase int, tenure_days int,"
                  + " net_spend_365d double, net_spend_prev_365d double",
              row("p_low", 0.05, 3, "2025-01-01", "2026-01-01", 180, 545, 100.0, 100.0),
              row("p_mid", 0.30, 3, "2025-01-01", "2026-03-01", 121, 545, 100.0, 100.0),
              // mean gap (2026-03-02 - 2026-01-01) / 2 = 30 days
              row("gap_churn", null, 2, "2026-01-01", "2026-03-02", 120, 180, 50.0, 0.0),
              row("gap_decline", null, 2, "2026-01-01", "2026-03-02", 60, 180, 50.0, 0.0),
              // a single purchase day: P(alive) 1 under BG/NBD, the gap rule uses the churn period
              row("one_idle", 1.0, 0, "2025-12-12", "2025-12-12", 200, 200, 10.0, 0.0),
              row("one_gone", null, 0, "2025-09-03", "2025-09-03", 300, 300, 0.0, 10.0),
              row("one_new", 1.0, 0, "2026-06-20", "2026-06-20", 10, 10, 10.0, 0.0),
              row("young", 0.9, 3, "2026-04-21", "2026-06-20", 10, 70, 80.0, 0.0),
              row("growing", 0.9, 3, "2026-01-01", "2026-06-20", 10, 180, 80.0, 0.0),
              row("rising", 0.9, 9, "2024-04-16", "2026-06-20", 10, 805, 300.0, 200.0),
              row("steady", 0.9, 9, "2024-04-16", "2026-06-20", 10, 805, 210.0, 200.0)),
          90,
          LifecycleRules.defaults());

  @ParameterizedTest
  @CsvSource({
    "p_low, churned",
    "p_mid, decline",
    "gap_churn, churned",
    "gap_decline, decline",
    "one_idle, decline",
    "one_gone, churned",
    "one_new, acquisition",
    "young, acquisition",
    "growing, growth",
    "rising, growth",
    "steady, maturity"
  })
  void placesEachCustomerByTheFirstRuleThatHolds(String customer, String stage) {
    Row row = byCustomer(stagesDF, customer);
    assertThat(row.<String>getAs("lifecycle_stage"))
        .as("stage of %s (%s)", customer, row.<String>getAs("lifecycle_reason"))
        .isEqualTo(stage);
    assertThat(row.<String>getAs("lifecycle_reason")).as("every stage has a reason").isNotBlank();
  }

  @Test
  void explainsTheStage() {
    assertThat(byCustomer(stagesDF, "p_low").<String>getAs("lifecycle_reason"))
        .as("P(alive) rule")
        .isEqualTo("P(alive) 0.05 below 0.10");
    assertThat(byCustomer(stagesDF, "gap_churn").<String>getAs("lifecycle_reason"))
        .as("gap rule: 120 idle days > 90 and > 3 x 30")
        .isEqualTo("no purchase for 120 days, over 3.0 x the expected gap of 30 days");
    assertThat(byCustomer(stagesDF, "gap_churn").<Double>getAs("mean_inter_purchase_days"))
        .as("60 days over two repeat purchases")
        .isCloseTo(30.0, within(1e-12));
    assertThat(byCustomer(stagesDF, "one_new").<Object>getAs("mean_inter_purchase_days"))
        .as("no gap with a single purchase day")
        .isNull();
  }

  private static Object[] row(
      String id,
      Double pAlive,
      int frequency,
      String first,
      String last,
      int idle,
      int tenure,
      double spend,
      double spendBefore) {
    return new Object[] {
      id, pAlive, frequency, date(first), date(last), idle, tenure, spend, spendBefore
    };
  }
}
