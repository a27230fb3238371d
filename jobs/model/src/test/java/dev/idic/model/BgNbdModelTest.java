package dev.idic.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** BG/NBD formulas with the published CDNOW parameters (R BTYD and lifetimes test vectors). */
class BgNbdModelTest {

  private static final BgNbdModel PUBLISHED = new BgNbdModel(0.243, 4.414, 0.793, 2.426);

  @Test
  void probabilityOfPurchasesMatchesBtyd() {
    assertThat(PUBLISHED.probabilityOfPurchases(10, 2))
        .as("P(N(2) = 10)")
        .isCloseTo(1.07869e-07, within(1e-11));
    assertThat(PUBLISHED.probabilityOfPurchases(0, 39))
        .as("P(N(39) = 0)")
        .isCloseTo(0.5737864, within(1e-6));
  }

  @ParameterizedTest
  @CsvSource({
    "11, 0.0019995214",
    "12, 0.0015170236",
    "13, 0.0011633150",
    "14, 0.0009003148",
    "15, 0.0007023638",
    "16, 0.0005517902",
    "17, 0.0004361913",
    "18, 0.0003467171",
    "19, 0.0002769613",
    "20, 0.0002222260"
  })
  void probabilityOfPurchasesAtThirtyWeeksMatchesBtyd(int n, double expected) {
    assertThat(PUBLISHED.probabilityOfPurchases(n, 30))
        .as("P(N(30) = %s)", n)
        .isCloseTo(expected, within(1e-9));
  }

  @Test
  void probabilitiesOfPurchasesSumToOneAndToTheExpectation() {
    double total = 0;
    double mean = 0;
    for (int n = 0; n < 2000; n++) {
      double p = PUBLISHED.probabilityOfPurchases(n, 52);
      total += p;
      mean += n * p;
    }
    assertThat(total).as("sum of P(N(52) = n)").isCloseTo(1.0, within(1e-9));
    assertThat(mean)
        .as("sum of n P(N(52) = n) against E[X(52)] from 2F1")
        .isCloseTo(PUBLISHED.unconditionalExpectedPurchases(52), within(1e-8));
  }

  /** Unusual shapes (a + b below or at 1, a above 1) where 2F1's c parameter is small. */
  @ParameterizedTest
  @CsvSource({"0.3, 0.5", "0.2, 0.79", "0.5, 0.5000001", "2.5, 0.1", "1.0, 2.0"})
  void expectationAgreesWithTheCountDistributionForUnusualShapes(double a, double b) {
    BgNbdModel model = new BgNbdModel(0.5, 3.0, a, b);
    double mean = 0;
    for (int n = 0; n < 20_000; n++) {
      mean += n * model.probabilityOfPurchases(n, 20);
    }
    assertThat(model.unconditionalExpectedPurchases(20))
        .as("E[X(20)] by 2F1 against sum n P(N(20) = n), a=%s b=%s", a, b)
        .isCloseTo(mean, within(1e-7 * mean));
  }

  @Test
  void customerWithoutRepeatPurchasesIsAlive() {
    assertThat(PUBLISHED.probabilityAlive(0, 1, 1)).as("P(alive | 0, 1, 1)").isEqualTo(1.0);
  }

  @Test
  void veryFrequentButLongSilentCustomerIsDeadWithoutOverflow() {
    assertThat(PUBLISHED.probabilityAlive(1000, 10, 100))
        .as("P(alive | 1000, 10, 100)")
        .isEqualTo(0.0);
  }

  @ParameterizedTest
  @CsvSource({
    "1000, 10, 100",
    "1000, 100, 100",
    "1000, 0.5, 100",
    "5, 0, 0",
    "0, 0, 0",
    "0, 0, 38",
    "20, 38, 38",
    "3000, 364, 365"
  })
  void extremeHistoriesGiveFiniteSensibleScores(int x, double tx, double T) {
    double pAlive = PUBLISHED.probabilityAlive(x, tx, T);
    double expected = PUBLISHED.expectedPurchases(52, x, tx, T);
    double noPurchase = PUBLISHED.probabilityNoPurchase(52, x, tx, T);
    assertThat(pAlive).as("P(alive) in [0, 1]").isBetween(0.0, 1.0);
    assertThat(expected).as("E[Y(52)] finite, >= 0").isFinite().isGreaterThanOrEqualTo(0.0);
    assertThat(noPurchase).as("P(no purchase) in [0, 1]").isBetween(0.0, 1.0);
    assertThat(PUBLISHED.logLikelihood(x, tx, T)).as("log-likelihood finite").isFinite();
  }

  @Test
  void customerBuyingUpToTodayExpectsManyPurchases() {
    // Alive for sure (tx = T) and frequent: expectations near the posterior rate times the horizon.
    double expected = PUBLISHED.expectedPurchases(10, 1000, 100, 100);
    assertThat(PUBLISHED.probabilityAlive(1000, 100, 100)).as("P(alive)").isGreaterThan(0.99);
    assertThat(expected).as("E[Y(10) | 1000, 100, 100]").isBetween(50.0, 100.0);
  }

  @Test
  void probabilityOfNoPurchaseMatchesTheDefinitionByMixture() {
    // Independent check by simulation-free integration: P(Y(t)=0) = sum over the posterior of
    // being dead (1 - P(alive)) and alive without a Poisson event, E[e^-lambda t] under Gamma(r+x,
    // alpha+T).
    int x = 3;
    double tx = 20;
    double T = 38;
    double t = 26;
    double alive = PUBLISHED.probabilityAlive(x, tx, T);
    double quiet = Math.pow((4.414 + T) / (4.414 + T + t), 0.243 + x);
    assertThat(PUBLISHED.probabilityNoPurchase(t, x, tx, T))
        .as("P(no purchase in 26 weeks)")
        .isCloseTo(1 - alive + alive * quiet, within(1e-14));
    assertThat(PUBLISHED.probabilityNoPurchase(0, x, tx, T)).as("empty window").isEqualTo(1.0);
  }

  @Test
  void horizonsSharedInOnePassEqualSingleEvaluations() {
    double[] t = {4.345, 8.69, 52.14, 400};
    double[] curve = PUBLISHED.expectedPurchases(t, 4, 12.5, 30);
    for (int i = 0; i < t.length; i++) {
      assertThat(curve[i])
          .as("E[Y(%s)] from the curve", t[i])
          .isCloseTo(PUBLISHED.expectedPurchases(t[i], 4, 12.5, 30), within(1e-14));
    }
  }
}
