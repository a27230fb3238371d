package dev.idic.stages.interactions;

import static dev.idic.stages.interactions.Fixtures.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class LoyaltySummaryTest {

  @Test
  void summarisesPerTierWithTotalsASumAway() {
    List<Row> rows =
        LoyaltySummary.apply(
                frame(
                    "customer_id string, tier string, tenure_days int, active_previous_period boolean,"
                        + " churned_in_period boolean, repeat_customer boolean,"
                        + " share_of_wallet double, loyalty_index double",
                    new Object[] {"a", "vip", 100, true, false, true, 0.5, 80.0},
                    new Object[] {"b", "vip", 300, true, true, true, null, 40.0},
                    new Object[] {"c", "small", 50, false, false, false, 0.1, 20.0},
                    new Object[] {"d", "small", 10, true, true, true, null, 10.0},
                    new Object[] {"e", "small", 0, false, false, false, null, 0.0}))
            .collectAsList();
    assertThat(rows)
        .extracting(r -> r.<String>getAs("tier"))
        .as("tiers in value order, no overall row to double the sums")
        .containsExactly("vip", "small");

    Row vip = rows.get(0);
    assertThat(vip.<Long>getAs("customers")).as("a, b").isEqualTo(2L);
    assertThat(vip.<Double>getAs("mean_tenure_days"))
        .as("(100 + 300) / 2")
        .isCloseTo(200.0, within(1e-9));
    assertThat(vip.<Double>getAs("churn_rate")).as("b of a, b").isCloseTo(0.5, within(1e-12));
    assertThat(vip.<Double>getAs("repeat_purchase_rate"))
        .as("both repeat")
        .isCloseTo(1.0, within(1e-12));
    assertThat(vip.<Long>getAs("customers_with_wallet_estimate")).as("a").isEqualTo(1L);
    assertThat(vip.<Double>getAs("mean_share_of_wallet"))
        .as("a only")
        .isCloseTo(0.5, within(1e-12));

    // The overall figures are sums over the rows, and means weighted by the counts they are of.
    long customers = sum(rows, "customers");
    assertThat(customers).as("everyone").isEqualTo(5L);
    assertThat(weighted(rows, "mean_tenure_days") / customers)
        .as("460 / 5")
        .isCloseTo(92.0, within(1e-9));
    assertThat((double) sum(rows, "churned_in_period") / sum(rows, "active_previous_period"))
        .as("b, d of a, b, d")
        .isCloseTo(2.0 / 3, within(1e-12));
    assertThat((double) sum(rows, "repeat_customers") / customers)
        .as("a, b, d of five")
        .isCloseTo(0.6, within(1e-12));
    assertThat(weighted(rows, "mean_loyalty_index") / customers)
        .as("150 / 5")
        .isCloseTo(30.0, within(1e-9));
  }

  private static long sum(List<Row> rows, String column) {
    return rows.stream().mapToLong(r -> r.<Long>getAs(column)).sum();
  }

  /** A per-tier mean times the tier's customers, summed. */
  private static double weighted(List<Row> rows, String mean) {
    return rows.stream().mapToDouble(r -> r.<Double>getAs(mean) * r.<Long>getAs("customers")).sum();
  }
}
