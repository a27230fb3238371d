package dev.idic.stages.interactions;

import static dev.idic.stages.interactions.Fixtures.AS_OF;
import static dev.idic.stages.interactions.Fixtures.byCustomer;
import static dev.idic.stages.interactions.Fixtures.date;
import static dev.idic.stages.interactions.Fixtures.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.idic.stages.settings.ContactSettings.LoyaltyIndexRules;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class LoyaltyTest {

  static final String CUSTOMERS =
      "customer_id string, tier string, first_purchase_date date, frequency int,"
          + " days_since_last_purchase int, purchase_days_365d long, net_spend_365d double,"
          + " active_previous_period boolean, active_current_period boolean,"
          + " estimated_category_spend double, p_alive double";

  // weights 0.4 retention, 0.2 tenure, 0.2 frequency, 0.2 wallet; full tenure 730 days, 12 days/yr
  private final Dataset<Row> loyaltyDF =
      Loyalty.addMeasures(
          frame(
              CUSTOMERS,
              new Object[] {
                "a", "vip", date("2025-06-30"), 5, 10, 6L, 250.0, true, true, 1000.0, 0.8
              },
              new Object[] {
                "b", "key", date("2023-09-24"), 30, 45, 24L, 900.0, true, false, null, null
              },
              new Object[] {
                "c", "small", date("2026-06-01"), 0, 29, 1L, 500.0, false, true, 100.0, null
              },
              new Object[] {
                "d", "small", date("2026-01-01"), 0, 300, 0L, -20.0, false, false, 50.0, null
              },
              new Object[] {
                "e", "small", date("2026-01-01"), 0, 135, 0L, 0.0, false, false, null, 1.0
              }),
          AS_OF,
          90,
          LoyaltyIndexRules.defaults());

  @Test
  void measuresTenureRepeatAndChurn() {
    Row a = byCustomer(loyaltyDF, "a");
    Row b = byCustomer(loyaltyDF, "b");
    assertThat(a.<Integer>getAs("tenure_days")).as("D - first purchase").isEqualTo(365);
    assertThat(a.<Boolean>getAs("repeat_customer")).as("frequency 5").isTrue();
    assertThat(byCustomer(loyaltyDF, "c").<Boolean>getAs("repeat_customer"))
        .as("frequency 0")
        .isFalse();
    assertThat(a.<Boolean>getAs("churned_in_period")).as("active in both periods").isFalse();
    assertThat(b.<Boolean>getAs("churned_in_period")).as("active before, not now").isTrue();
  }

  @Test
  void computesShareOfWalletCappedAndFloored() {
    assertThat(byCustomer(loyaltyDF, "a").<Double>getAs("share_of_wallet"))
        .as("250 / 1000")
        .isCloseTo(0.25, within(1e-12));
    assertThat(byCustomer(loyaltyDF, "b").<Object>getAs("share_of_wallet"))
        .as("no estimate")
        .isNull();
    assertThat(byCustomer(loyaltyDF, "c").<Double>getAs("share_of_wallet"))
        .as("500 / 100 capped")
        .isCloseTo(1.0, within(0.0));
    assertThat(byCustomer(loyaltyDF, "d").<Double>getAs("share_of_wallet"))
        .as("net returns floored")
        .isCloseTo(0.0, within(0.0));
  }

  @Test
  void combinesTheComponentsIntoTheIndex() {
    Row a = byCustomer(loyaltyDF, "a");
    assertThat(a.<Double>getAs("loyalty_retention_component"))
        .as("P(alive)")
        .isCloseTo(0.8, within(1e-12));
    assertThat(a.<Double>getAs("loyalty_tenure_component"))
        .as("365 / 730")
        .isCloseTo(0.5, within(1e-12));
    assertThat(a.<Double>getAs("loyalty_frequency_component"))
        .as("6 / 12")
        .isCloseTo(0.5, within(1e-12));
    assertThat(a.<Double>getAs("loyalty_index"))
        .as("100 (0.4 0.8 + 0.2 0.5 + 0.2 0.5 + 0.2 0.25)")
        .isCloseTo(57.0, within(1e-9));

    Row b = byCustomer(loyaltyDF, "b");
    assertThat(b.<Double>getAs("loyalty_retention_component"))
        .as("no P(alive): 1 - 45 / 180")
        .isCloseTo(0.75, within(1e-12));
    assertThat(b.<Double>getAs("loyalty_index"))
        .as("no estimate: 100 (0.4 0.75 + 0.2 1 + 0.2 1) / 0.8")
        .isCloseTo(87.5, within(1e-9));

    assertThat(byCustomer(loyaltyDF, "e").<Double>getAs("loyalty_retention_component"))
        .as("single purchase day: the lower of P(alive) 1 and 1 - 135 / 180")
        .isCloseTo(0.25, within(1e-12));
    assertThat(byCustomer(loyaltyDF, "d").<Double>getAs("loyalty_retention_component"))
        .as("300 idle days floor retention at 0")
        .isCloseTo(0.0, within(0.0));
  }
}
