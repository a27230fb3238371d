package dev.idic.stages.interactions;

import static dev.idic.stages.interactions.Fixtures.AS_OF;
import static dev.idic.stages.interactions.Fixtures.byCustomer;
import static dev.idic.stages.interactions.Fixtures.transactions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class PurchaseActivityTest {

  // D = 2026-06-30, churn period 90 days: current (2026-04-01, 2026-06-30], previous
  // (2026-01-01, 2026-04-01]; last 365 days (2025-06-30, 2026-06-30].
  private final Dataset<Row> activityDF =
      PurchaseActivity.perCustomer(
          transactions(
              new Object[] {"a", "2026-06-30", 100},
              new Object[] {"a", "2026-06-30", 50},
              new Object[] {"a", "2026-05-01", -30},
              new Object[] {"a", "2026-03-01", 20},
              new Object[] {"a", "2025-06-30", 10},
              new Object[] {"a", "2026-07-01", 999},
              new Object[] {"b", "2026-04-01", 5}),
          AS_OF,
          90);

  @Test
  void countsPurchaseDaysSpendAndReturnsInTheTrailingYear() {
    Row a = byCustomer(activityDF, "a");
    assertThat(a.<Long>getAs("purchase_days_365d"))
        .as("two purchase days: same-day purchases collapse, the return day is no purchase day")
        .isEqualTo(2L);
    assertThat(a.<Double>getAs("net_spend_365d"))
        .as("100 + 50 - 30 + 20; the day exactly 365 days back and the day after D excluded")
        .isCloseTo(140.0, within(1e-9));
    assertThat(a.<Double>getAs("net_spend_prev_365d"))
        .as("the day exactly 365 days back is in the year before")
        .isCloseTo(10.0, within(1e-9));
    assertThat(a.<Long>getAs("returns_365d")).as("one negative transaction").isEqualTo(1L);
  }

  @Test
  void marksActivityInTheCurrentAndPreviousPeriods() {
    Row a = byCustomer(activityDF, "a");
    Row b = byCustomer(activityDF, "b");
    assertThat(a.<Boolean>getAs("active_current_period")).as("a bought on D").isTrue();
    assertThat(a.<Boolean>getAs("active_previous_period")).as("a bought 2026-03-01").isTrue();
    assertThat(b.<Boolean>getAs("active_previous_period"))
        .as("D - 90 days closes the previous period")
        .isTrue();
    assertThat(b.<Boolean>getAs("active_current_period"))
        .as("D - 90 days is not in the current period")
        .isFalse();
  }
}
