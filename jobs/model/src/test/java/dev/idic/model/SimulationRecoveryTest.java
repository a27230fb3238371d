package dev.idic.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Customers drawn from known BG/NBD and Gamma-Gamma parameters (fixed seeds) give those parameters
 * back within three of the fit's own standard errors.
 */
class SimulationRecoveryTest {

  private static final BgNbdModel TRUE_PURCHASES = new BgNbdModel(0.25, 30.0, 0.8, 2.5);
  private static final GammaGammaModel TRUE_SPEND = new GammaGammaModel(6.0, 3.8, 15.0);

  private static SimulatedCustomers draw(long seed) {
    // A cohort whose first purchases spread over a year, observed in days.
    double[] ages = IntStream.range(0, 20_000).mapToDouble(i -> 1 + (i % 365)).toArray();
    return SimulatedCustomers.draw(TRUE_PURCHASES, TRUE_SPEND, ages, seed);
  }

  @Test
  void bgNbdParametersAreRecovered() {
    for (long seed : new long[] {11, 12}) {
      SimulatedCustomers customers = draw(seed);
      ModelFit<BgNbdModel> fit =
          BgNbdFitter.fit(
              PurchasePatterns.compress(customers.frequency(), customers.recency(), customers.T()),
              FitOptions.defaults());
      assertThat(fit.usable()).as("fit usable, seed %s", seed).isTrue();
      double[] truth = {
        TRUE_PURCHASES.r(), TRUE_PURCHASES.alpha(), TRUE_PURCHASES.a(), TRUE_PURCHASES.b()
      };
      for (int k = 0; k < 4; k++) {
        assertThat(Math.abs(fit.estimates()[k] - truth[k]))
            .as("|%s - truth| within 3 standard errors, seed %s", fit.parameterNames().get(k), seed)
            .isLessThan(3 * fit.standardErrors()[k]);
      }
    }
  }

  @Test
  void gammaGammaParametersAreRecovered() {
    for (long seed : new long[] {21, 22}) {
      SimulatedCustomers customers = draw(seed);
      int[] repeaters =
          IntStream.range(0, customers.size()).filter(i -> customers.frequency()[i] > 0).toArray();
      SpendPatterns spend =
          SpendPatterns.ofCustomers(
              IntStream.of(repeaters).map(i -> customers.frequency()[i]).toArray(),
              IntStream.of(repeaters).mapToDouble(i -> customers.meanValue()[i]).toArray());
      ModelFit<GammaGammaModel> fit = GammaGammaFitter.fit(spend, FitOptions.defaults());
      assertThat(fit.usable()).as("fit usable, seed %s", seed).isTrue();
      double[] truth = {TRUE_SPEND.p(), TRUE_SPEND.q(), TRUE_SPEND.v()};
      for (int k = 0; k < 3; k++) {
        assertThat(Math.abs(fit.estimates()[k] - truth[k]))
            .as("|%s - truth| within 3 standard errors, seed %s", fit.parameterNames().get(k), seed)
            .isLessThan(3 * fit.standardErrors()[k]);
      }
    }
  }

  @Test
  void nonConvergenceIsReportedNotHidden() {
    SimulatedCustomers customers = draw(31);
    ModelFit<BgNbdModel> fit =
        BgNbdFitter.fit(
            PurchasePatterns.compress(customers.frequency(), customers.recency(), customers.T()),
            new FitOptions(0.0, 2, 1e-9));
    assertThat(fit.status())
        .as("two iterations are not enough")
        .isEqualTo(FitStatus.MAX_ITERATIONS);
    assertThat(fit.usable()).as("not usable").isFalse();
    assertThat(fit.warnings()).as("a warning says why").anyMatch(w -> w.contains("limit of 2"));
    org.assertj.core.api.Assertions.assertThatThrownBy(fit::requireUsable)
        .as("requireUsable fails loudly")
        .isInstanceOf(ModelFitException.class)
        .hasMessageContaining("bgnbd fit is not usable");
  }
}
