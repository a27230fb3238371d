package dev.idic.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** BG/NBD on the CDNOW calibration summary against the published values and lifetimes' tests. */
class BgNbdGoldenTest {

  private static List<CdnowData.Customer> customers;
  private static ModelFit<BgNbdModel> fit;

  @BeforeAll
  static void fitCdnow() {
    customers = CdnowData.summary();
    fit = BgNbdFitter.fit(CdnowData.patterns(customers), FitOptions.defaults());
  }

  @Test
  void reproducesPublishedParametersAndLogLikelihood() {
    BgNbdModel model = fit.model();
    assertThat(fit.status()).as("converged").isEqualTo(FitStatus.CONVERGED);
    assertThat(fit.atBoundary()).as("interior optimum").isFalse();
    assertThat(model.r()).as("r").isCloseTo(0.243, within(0.0005));
    assertThat(model.alpha()).as("alpha").isCloseTo(4.414, within(0.005));
    assertThat(model.a()).as("a").isCloseTo(0.793, within(0.0005));
    assertThat(model.b()).as("b").isCloseTo(2.426, within(0.005));
    assertThat(fit.logLikelihood()).as("log-likelihood").isCloseTo(-9582.4, within(0.05));
    assertThat(fit.customers()).as("customers").isEqualTo(2357.0);
  }

  @Test
  void standardErrorsMatchTheReferenceLibrary() {
    // lifetimes_params.json: 0.01256, 0.3782, 0.1857, 0.7053
    double[] reference = {0.012557, 0.37822, 0.18572, 0.70535};
    for (int k = 0; k < 4; k++) {
      assertThat(fit.standardErrors()[k])
          .as("standard error of %s", fit.parameterNames().get(k))
          .isCloseTo(reference[k], Percentage.withPercentage(1.0));
    }
  }

  @Test
  void conditionalExpectationMatchesHardieSpreadsheet() {
    assertThat(fit.model().expectedPurchases(39, 2, 30.43, 38.86))
        .as("E[Y(39) | 2, 30.43, 38.86]")
        .isCloseTo(1.226, within(0.001));
  }

  @Test
  void unconditionalExpectationMatchesHardieSpreadsheet() {
    double[] t = {0.1429, 1, 3, 31.8571, 32, 78};
    double[] expected = {0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576};
    for (int i = 0; i < t.length; i++) {
      assertThat(fit.model().unconditionalExpectedPurchases(t[i]))
          .as("E[X(%s)]", t[i])
          .isCloseTo(expected[i], within(0.0005));
    }
  }

  @Test
  void penalizerShrinksEveryParameter() {
    PurchasePatterns patterns = CdnowData.patterns(customers);
    double[] plain = fit.estimates();
    double[] light =
        BgNbdFitter.fit(patterns, FitOptions.defaults().withPenalizer(0.1)).estimates();
    double[] heavy = BgNbdFitter.fit(patterns, FitOptions.defaults().withPenalizer(10)).estimates();
    for (int k = 0; k < 4; k++) {
      assertThat(light[k]).as("parameter %s with penalizer 0.1", k).isLessThan(plain[k]);
      assertThat(heavy[k]).as("parameter %s with penalizer 10", k).isLessThan(light[k]);
    }
  }

  @Test
  void scalingTimeLeavesProbabilityAliveUnchanged() {
    PurchasePatterns.Builder scaled = new PurchasePatterns.Builder();
    customers.forEach(c -> scaled.add(c.x(), 10 * c.tx(), 10 * c.T(), 1.0));
    BgNbdModel tenfold = BgNbdFitter.fit(scaled.build(), FitOptions.defaults()).model();
    for (CdnowData.Customer c : customers) {
      assertThat(tenfold.probabilityAlive(c.x(), 10 * c.tx(), 10 * c.T()))
          .as("P(alive) of customer %s with times x10", c.id())
          .isCloseTo(fit.model().probabilityAlive(c.x(), c.tx(), c.T()), within(1e-4));
    }
  }

  @Test
  void weightedPatternsGiveTheUnweightedFit() {
    int n = customers.size();
    double[] ones = new double[n];
    java.util.Arrays.fill(ones, 1.0);
    PurchasePatterns oneRowPerCustomer =
        PurchasePatterns.of(
            customers.stream().mapToInt(CdnowData.Customer::x).toArray(),
            customers.stream().mapToDouble(CdnowData.Customer::tx).toArray(),
            customers.stream().mapToDouble(CdnowData.Customer::T).toArray(),
            ones);
    PurchasePatterns compressed = CdnowData.patterns(customers);
    assertThat(compressed.size()).as("compression merges identical histories").isLessThan(n);
    assertThat(BgNbdFitter.fit(oneRowPerCustomer, FitOptions.defaults()).estimates())
        .as("unweighted fit equals the weighted fit")
        .containsExactly(fit.estimates(), within(1e-3));
  }
}
