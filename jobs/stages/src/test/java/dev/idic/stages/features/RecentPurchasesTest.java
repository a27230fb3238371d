package dev.idic.stages.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.idic.stages.contract.AsOf;
import dev.idic.stages.settings.InputShaping.Returns;
import dev.idic.stages.settings.TimeUnit;
import dev.idic.stages.testing.Rows;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class RecentPurchasesTest {

  static final LocalDate D = LocalDate.of(2026, 6, 30);

  // D = 2026-06-30, churn period 90 days: current (2026-04-01, 2026-06-30], previous
  // (2026-01-01, 2026-04-01]; last 365 days (2025-06-30, 2026-06-30].
  private final Dataset<Row> summaryDF =
      CustomerSummary.from(
          Rows.transactions(
              "a",
              "2026-06-30",
              100,
              "a",
              "2026-06-30",
              50,
              "a",
              "2026-05-01",
              -30,
              "a",
              "2026-03-01",
              20,
              "a",
              "2025-06-30",
              10,
              "b",
              "2026-04-01",
              5,
              "c",
              "2026-06-01",
              0),
          D,
          TimeUnit.DAYS,
          Returns.NET,
          new RecentPurchases(new AsOf(D, ZoneOffset.UTC), 90),
          new Observation("customers_seen"));

  @Test
  void countsPurchaseDaysSpendAndReturnsInTheTrailingYear() {
    Row a = customer("a");
    assertThat(a.<Long>getAs("purchase_days_365d"))
        .as("two purchase days: same-day purchases collapse, the return day is no purchase day")
        .isEqualTo(2L);
    assertThat(a.<Double>getAs("net_spend_365d"))
        .as("100 + 50 - 30 + 20; the day exactly 365 days back excluded")
        .isCloseTo(140.0, within(1e-9));
    assertThat(a.<Double>getAs("net_spend_prev_365d"))
        .as("the day exactly 365 days back is in the year before")
        .isCloseTo(10.0, within(1e-9));
    assertThat(a.<Long>getAs("returns_365d")).as("one negative transaction").isEqualTo(1L);
  }

  @Test
  void marksActivityInTheCurrentAndPreviousPeriods() {
    Row a = customer("a");
    Row b = customer("b");
    assertThat(a.<Boolean>getAs("active_current_period")).as("a bought on D").isTrue();
    assertThat(a.<Boolean>getAs("active_previous_period")).as("a bought 2026-03-01").isTrue();
    assertThat(b.<Boolean>getAs("active_previous_period"))
        .as("D - 90 days closes the previous period")
        .isTrue();
    assertThat(b.<Boolean>getAs("active_current_period"))
        .as("D - 90 days is not in the current period")
        .isFalse();
  }

  @Test
  void aZeroAmountDayIsAPurchaseDayOfTheSummaryButNotARecentSale() {
    Row c = customer("c");
    assertThat(c.<Integer>getAs("purchase_days")).as("a non-negative line").isEqualTo(1);
    assertThat(c.<Long>getAs("purchase_days_365d")).as("no positive amount").isZero();
    assertThat(c.<Boolean>getAs("active_current_period")).isFalse();
  }

  @Test
  void theRecentColumnsFollowTheSummaryInTheirContractOrder() {
    List<String> columns = List.of(summaryDF.columns());
    assertThat(columns.subList(columns.size() - RecentPurchases.COLUMNS.size(), columns.size()))
        .isEqualTo(RecentPurchases.COLUMNS);
  }

  private Row customer(String id) {
    List<Row> rows = summaryDF.where(summaryDF.col("customer_id").equalTo(id)).collectAsList();
    assertThat(rows).as(id).hasSize(1);
    return rows.get(0);
  }
}
