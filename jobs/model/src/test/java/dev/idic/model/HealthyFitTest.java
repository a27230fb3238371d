package dev.idic.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Fits that describe their data well trip none of the degeneracy rules of {@link FitDegeneracy}.
 */
class HealthyFitTest {

  @Test
  void cdnowFitsAreNotDegenerate() {
    PurchasePatterns cdnow = CdnowData.patterns(CdnowData.summary());
    ModelFit<BgNbdModel> bgNbd = BgNbdFitter.fit(cdnow, FitOptions.defaults());
    ModelFit<ParetoNbdModel> paretoNbd = ParetoNbdFitter.fit(cdnow, FitOptions.defaults());
    assertThat(bgNbd.degeneracies()).as("BG/NBD on CDNOW").isEmpty();
    assertThat(paretoNbd.degeneracies()).as("Pareto/NBD on CDNOW").isEmpty();
    assertThat(bgNbd.warnings()).as("BG/NBD warnings").isEmpty();
    assertThat(paretoNbd.warnings()).as("Pareto/NBD warnings").isEmpty();
  }

  @Test
  void simulatedBgNbdWithKnownParametersIsNotDegenerate() {
    // The parameters of SimulationRecoveryTest, near CDNOW's.
    BgNbdModel truth = new BgNbdModel(0.25, 30.0, 0.8, 2.5);
    double[] ages = IntStream.range(0, 20_000).mapToDouble(i -> 1 + (i % 365)).toArray();
    SimulatedCustomers customers =
        SimulatedCustomers.draw(truth, new GammaGammaModel(6.0, 3.8, 15.0), ages, 41);
    ModelFit<BgNbdModel> fit =
        BgNbdFitter.fit(
            PurchasePatterns.compress(customers.frequency(), customers.recency(), customers.T()),
            FitOptions.defaults());
    assertThat(fit.degenerate()).as("degenerate, reasons %s", fit.warnings()).isFalse();
  }
}
