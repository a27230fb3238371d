package dev.idic.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Data without any sign of dropout (every repeat buyer bought on its last observed day) cannot
 * identify the dropout parameters: the fit must say so instead of returning numbers that look fine.
 */
class DegenerateDataTest {

  private static PurchasePatterns everyoneBuysUntilToday() {
    PurchasePatterns.Builder builder = new PurchasePatterns.Builder();
    for (int i = 0; i < 300; i++) {
      double age = 10 + i % 30;
      builder.add(1 + i % 5, age, age, 1.0);
    }
    for (int i = 0; i < 100; i++) {
      builder.add(0, 0, 5 + i % 30, 1.0);
    }
    return builder.build();
  }

  @Test
  void bgNbdFlagsUnidentifiedDropout() {
    ModelFit<BgNbdModel> fit = BgNbdFitter.fit(everyoneBuysUntilToday(), FitOptions.defaults());
    assertThat(fit.atBoundary()).as("dropout parameters not identified").isTrue();
    assertThat(fit.usable()).as("not usable").isFalse();
    assertThat(fit.warnings()).as("plain-language warning").isNotEmpty();
    assertThatThrownBy(fit::requireUsable)
        .as("requireUsable names the model and suggests a fix")
        .isInstanceOf(ModelFitException.class)
        .hasMessageContaining("bgnbd")
        .hasMessageContaining("penalizer");
  }

  @Test
  void paretoNbdFlagsUnidentifiedDropout() {
    ModelFit<ParetoNbdModel> fit =
        ParetoNbdFitter.fit(everyoneBuysUntilToday(), FitOptions.defaults());
    assertThat(fit.atBoundary()).as("dropout parameters not identified").isTrue();
    assertThat(fit.usable()).as("not usable").isFalse();
  }

  @Test
  void invalidHistoriesAreRejectedWithTheirRow() {
    assertThatThrownBy(
            () ->
                PurchasePatterns.compress(
                    new int[] {1, 2}, new double[] {3, 9}, new double[] {5, 8}))
        .as("recency after T")
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 1")
        .hasMessageContaining("recency=9.0");
  }
}
