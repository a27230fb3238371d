package dev.idic.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pareto/NBD on the CDNOW summary against the published values, R BTYD and lifetimes' tests. */
class ParetoNbdGoldenTest {

  private static final ParetoNbdModel BTYD = new ParetoNbdModel(0.5534, 10.5802, 0.6061, 11.6562);
  private static List<CdnowData.Customer> customers;
  private static ModelFit<ParetoNbdModel> fit;

  @BeforeAll
  static void fitCdnow() {
    customers = CdnowData.summary();
    fit = ParetoNbdFitter.fit(CdnowData.patterns(customers), FitOptions.defaults());
  }

  @Test
  void reproducesPublishedParametersAndLogLikelihood() {
    ParetoNbdModel model = fit.model();
    assertThat(fit.status()).as("converged").isEqualTo(FitStatus.CONVERGED);
    assertThat(model.r()).as("r").isCloseTo(0.553, within(0.0005));
    assertThat(model.alpha()).as("alpha").isCloseTo(10.578, within(0.005));
    assertThat(model.s()).as("s").isCloseTo(0.606, within(0.0005));
    assertThat(model.beta()).as("beta").isCloseTo(11.669, within(0.05));
    assertThat(fit.logLikelihood()).as("log-likelihood").isCloseTo(-9595.0, within(0.05));
    for (double se : fit.standardErrors()) {
      assertThat(se).as("standard error").isPositive().isFinite();
    }
  }

  @Test
  void aWarmStartFromASubsampleEndsAtTheSameMaximumInFewerIterations() {
    PurchasePatterns patterns = CdnowData.patterns(customers);
    ModelFit<ParetoNbdModel> warm =
        ParetoNbdFitter.fit(patterns, FitOptions.defaults(), patterns.size() / 4);

    assertThat(warm.status()).isEqualTo(FitStatus.CONVERGED);
    assertThat(warm.logLikelihood()).isCloseTo(fit.logLikelihood(), within(1e-6));
    for (int k = 0; k < 4; k++) {
      assertThat(warm.estimates()[k])
          .as(warm.parameterNames().get(k))
          .isCloseTo(fit.estimates()[k], within(1e-4 * fit.estimates()[k]));
    }
    assertThat(warm.iterations()).as("iterations on all patterns").isLessThan(fit.iterations());
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "1, 0.05077821",
    "2, 0.09916088",
    "3, 0.14542507",
    "4, 0.18979930",
    "5, 0.23247466",
    "6, 0.27361274",
    "7, 0.31335159",
    "8, 0.35181024",
    "9, 0.38909211"
  })
  void unconditionalExpectationMatchesBtyd(double t, double expected) {
    // lifetimes' tolerance: the BTYD figures (BTYD.pdf) come from slightly different parameters.
    assertThat(fit.model().unconditionalExpectedPurchases(t))
        .as("E[X(%s)]", t)
        .isCloseTo(expected, within(0.01));
  }

  @Test
  void conditionalExpectationAndProbabilityAliveMatchBtydWalkthrough() {
    assertThat(fit.model().expectedPurchases(52, 26, 30.86, 31))
        .as("E[Y(52) | 26, 30.86, 31]")
        .isCloseTo(25.46, within(0.01));
    assertThat(BTYD.probabilityAlive(26, 30.86, 31))
        .as("P(alive | 26, 30.86, 31)")
        .isCloseTo(0.9979, within(0.0001));
  }

  @Test
  void noUnderflowForLargeFrequencies() {
    ParetoNbdModel model = new ParetoNbdModel(0.55, 10.58, 0.61, 11.67);
    double e132 = model.expectedPurchases(10, 132, 200, 200);
    double e133 = model.expectedPurchases(10, 133, 200, 200);
    assertThat(e132).as("E[Y(10) | 132, 200, 200]").isCloseTo(6.2061, within(0.001));
    assertThat(e133).as("E[Y(10) | 133, 200, 200]").isCloseTo(6.2529, within(0.001));
    assertThat(model.expectedPurchases(10, 1000, 150, 200))
        .as("x = 1000 silent for 50 weeks")
        .isFinite()
        .isGreaterThanOrEqualTo(0.0);
  }

  @Test
  void hypergeometricDeadTermEqualsDirectQuadrature() {
    // s I(tx, T) with I = int (alpha+u)^-(r+x) (beta+u)^-(s+1) du by 2F1 and by Gauss-Legendre.
    ParetoNbdModel model = fit.model();
    int x = 5;
    double tx = 12.3;
    double T = 38.5;
    IterativeLegendreGaussIntegrator integrator =
        new IterativeLegendreGaussIntegrator(16, 1e-13, 1e-300);
    double integral =
        integrator.integrate(
            10_000,
            u ->
                Math.pow(model.alpha() + u, -(model.r() + x))
                    * Math.pow(model.beta() + u, -(model.s() + 1)),
            tx,
            T);
    assertThat(model.logDeadTerm(x, tx, T))
        .as("ln s I by 2F1")
        .isCloseTo(Math.log(model.s() * integral), within(1e-9));
  }

  @Test
  void probabilitiesOfPurchasesSumToOneAndToTheExpectation() {
    ParetoNbdModel model = fit.model();
    double total = 0;
    double mean = 0;
    for (int n = 0; n < 300; n++) {
      double p = model.probabilityOfPurchases(n, 39);
      total += p;
      mean += n * p;
    }
    assertThat(total).as("sum of P(N(39) = n)").isCloseTo(1.0, within(1e-8));
    assertThat(mean)
        .as("mean against E[X(39)]")
        .isCloseTo(model.unconditionalExpectedPurchases(39), within(1e-6));
  }

  @Test
  void probabilityOfNoPurchaseIsBetweenBoundsAndMatchesQuadrature() {
    ParetoNbdModel model = fit.model();
    int x = 2;
    double tx = 30.43;
    double T = 38.86;
    double t = 39;
    double shape = model.r() + x;
    double a = model.alpha() + T;
    double b = model.beta() + T;
    IterativeLegendreGaussIntegrator integrator =
        new IterativeLegendreGaussIntegrator(16, 1e-13, 1e-300);
    // P(Y=0 | alive) = E over the remaining lifetime L ~ Lomax(s, b) of (a/(a+min(L,t)))^shape
    double diesFirst =
        integrator.integrate(
            10_000,
            u ->
                Math.pow(a / (a + u), shape)
                    * model.s()
                    / b
                    * Math.pow(1 + u / b, -(model.s() + 1)),
            0,
            t);
    double survives = Math.pow(a / (a + t), shape) * Math.pow(b / (b + t), model.s());
    double alive = model.probabilityAlive(x, tx, T);
    assertThat(model.probabilityNoPurchase(t, x, tx, T))
        .as("P(no purchase in 39 weeks)")
        .isCloseTo(1 - alive * (1 - survives - diesFirst), within(1e-10));
  }

  @ParameterizedTest
  @CsvSource({"1000, 10, 100", "1000, 100, 100", "0, 0, 0", "5, 0, 0", "0, 0, 38", "500, 1, 365"})
  void extremeHistoriesGiveFiniteSensibleScores(int x, double tx, double T) {
    ParetoNbdModel model = fit.model();
    assertThat(model.probabilityAlive(x, tx, T)).as("P(alive)").isBetween(0.0, 1.0);
    assertThat(model.expectedPurchases(52, x, tx, T)).as("E[Y(52)]").isFinite().isNotNegative();
    assertThat(model.probabilityNoPurchase(52, x, tx, T)).as("P(no purchase)").isBetween(0.0, 1.0);
    assertThat(model.logLikelihood(x, tx, T)).as("log-likelihood").isFinite();
  }
}
