package dev.idic.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Gamma-Gamma on CDNOW's 946 repeat buyers against the published values (Hardie note 025). */
class GammaGammaGoldenTest {

  private static final GammaGammaModel PUBLISHED = new GammaGammaModel(6.25, 3.74, 15.44);

  @Test
  void reproducesPublishedParameters() {
    SpendPatterns repeaters = CdnowData.repeatBuyers(CdnowData.summary());
    ModelFit<GammaGammaModel> fit = GammaGammaFitter.fit(repeaters, FitOptions.defaults());
    assertThat(fit.customers()).as("repeat buyers").isEqualTo(946.0);
    assertThat(fit.status()).as("converged").isEqualTo(FitStatus.CONVERGED);
    assertThat(fit.model().p()).as("p").isCloseTo(6.25, within(0.005));
    assertThat(fit.model().q()).as("q").isCloseTo(3.74, within(0.005));
    assertThat(fit.model().v()).as("v").isCloseTo(15.44, within(0.05));
    // lifetimes_params.json: log_likelihood_total -4055.9232
    assertThat(fit.logLikelihood()).as("log-likelihood").isCloseTo(-4055.923, within(0.01));
  }

  @Test
  void conditionalExpectedValueOfTheFirstTenCustomers() {
    List<CdnowData.Customer> first = CdnowData.summary().subList(0, 10);
    double[] expected = {24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17};
    for (int i = 0; i < 10; i++) {
      CdnowData.Customer c = first.get(i);
      assertThat(PUBLISHED.conditionalExpectedAverageValue(c.x(), c.meanValue()))
          .as("E[M | x, m] of customer %s", c.id())
          .isCloseTo(expected[i], within(0.1));
    }
  }

  @Test
  void populationMeanIsUsedWithoutRepeatPurchases() {
    assertThat(PUBLISHED.conditionalExpectedAverageValue(0, 0))
        .as("v p / (q - 1)")
        .isCloseTo(15.44 * 6.25 / 2.74, within(1e-12));
  }

  @Test
  void infiniteMeanIsAnErrorNotAnInfinity() {
    GammaGammaModel heavyTailed = new GammaGammaModel(2, 0.8, 10);
    assertThat(heavyTailed.hasFiniteMean()).as("q <= 1").isFalse();
    assertThatThrownBy(heavyTailed::populationMeanValue)
        .as("no silent infinity")
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("q=0.8");
  }

  @Test
  void invalidSpendRowsAreRejectedWithTheirRow() {
    assertThatThrownBy(() -> SpendPatterns.ofCustomers(new int[] {2, 0}, new double[] {10, 5}))
        .as("one-time buyer in the Gamma-Gamma input")
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 1");
  }
}
