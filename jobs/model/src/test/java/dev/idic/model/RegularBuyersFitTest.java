package dev.idic.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Data shaped like the retail export of issue 13 (4,338 customers, long regular purchase histories,
 * little apparent churn): BG/NBD converges off the bounds to a dropout parameter a near 0 whose
 * standard error is several times the estimate, so P(alive) is high for everyone; the Pareto/NBD
 * Hessian is singular, and with penalizer 0.001 the fit used to sum 2F1 series of millions of terms
 * per customer (s near 0 puts q = s + 1 next to the integer 1). The fits must end within their
 * iteration budget and say that they are degenerate.
 */
class RegularBuyersFitTest {

  private static PurchasePatterns patterns;

  /**
   * Customers observed 100 to 373 days after their first purchase, each buying every 10 to 60 days
   * with Erlang(8) gaps (far more regular than Poisson), 5% of them stopping at a uniform time.
   */
  static PurchasePatterns regularBuyers(int customers, double churnShare, long seed) {
    Random random = new Random(seed);
    PurchasePatterns.Builder builder = new PurchasePatterns.Builder();
    for (int i = 0; i < customers; i++) {
      double age = 100 + random.nextDouble() * 273;
      double meanGap = 10 + random.nextDouble() * 50;
      double end =
          random.nextDouble() < churnShare ? random.nextDouble() * age : Double.POSITIVE_INFINITY;
      double t = 0;
      double last = 0;
      int x = 0;
      while (true) {
        double gap = 0;
        for (int k = 0; k < 8; k++) {
          gap -= Math.log(1 - random.nextDouble());
        }
        t += meanGap * gap / 8;
        if (t > Math.min(age, end)) {
          break;
        }
        x++;
        last = t;
      }
      builder.add(x, Math.floor(last), Math.floor(age), 1.0);
    }
    return builder.build();
  }

  @BeforeAll
  static void draw() {
    patterns = regularBuyers(4338, 0.05, 7);
  }

  @Test
  void bgNbdConvergesButIsFlaggedDegenerate() {
    ModelFit<BgNbdModel> fit = BgNbdFitter.fit(patterns, FitOptions.defaults());
    assertThat(fit.status()).as("converged, as on the real export").isEqualTo(FitStatus.CONVERGED);
    assertThat(fit.atBoundary()).as("not at the |ln a| > 14 bound").isFalse();
    assertThat(fit.usable()).as("estimates exist: usable, the gate decides").isTrue();
    assertThat(fit.model().a()).as("a drifted near 0").isLessThan(0.01);
    assertThat(fit.degenerate()).as("degenerate").isTrue();
    assertThat(fit.degeneracies())
        .extracting(FitDegeneracy::kind)
        .as("a not identified, P(alive) nearly constant")
        .contains(
            FitDegeneracy.Kind.PARAMETER_NOT_IDENTIFIED,
            FitDegeneracy.Kind.P_ALIVE_NEARLY_CONSTANT);
    assertThat(fit.warnings())
        .as("plain reasons among the warnings")
        .anyMatch(w -> w.startsWith("a = ") && w.contains("standard error"))
        .anyMatch(w -> w.startsWith("P(alive) is nearly constant"));
  }

  @Test
  void penalizedParetoNbdEndsWithinItsIterationBudgetAndIsFlagged() {
    FitOptions options = FitOptions.defaults().withPenalizer(0.001);
    ModelFit<ParetoNbdModel> fit = ParetoNbdFitter.fit(patterns, options);
    assertThat(fit.iterations()).as("within the budget").isLessThanOrEqualTo(500);
    assertThat(fit.status()).as("ended by the optimizer").isNotEqualTo(FitStatus.TIME_LIMIT);
    assertThat(fit.degenerate()).as("degenerate").isTrue();
  }

  @Test
  void bothFitsStopAtTheIterationBudget() {
    FitOptions fiveIterations = FitOptions.defaults().withMaxIterations(5);
    ModelFit<BgNbdModel> bgNbd = BgNbdFitter.fit(patterns, fiveIterations);
    ModelFit<ParetoNbdModel> paretoNbd = ParetoNbdFitter.fit(patterns, fiveIterations);
    for (ModelFit<?> fit : new ModelFit<?>[] {bgNbd, paretoNbd}) {
      assertThat(fit.status()).as("%s status", fit.modelName()).isEqualTo(FitStatus.MAX_ITERATIONS);
      assertThat(fit.iterations()).as("%s iterations", fit.modelName()).isEqualTo(5);
      assertThatThrownBy(fit::requireUsable)
          .as("%s says what was reached and what to try", fit.modelName())
          .isInstanceOf(ModelFitException.class)
          .hasMessageContaining(fit.modelName() + " fit is not usable")
          .hasMessageContaining("limit of 5 iterations")
          .hasMessageContaining("penalizer")
          .hasMessageNotContaining("..")
          .satisfies(e -> assertThat(e.getMessage()).doesNotEndWith("."));
    }
  }

  @Test
  void anExhaustedTimeBudgetFailsNamingTheModelAndWhatToTry() {
    // A budget of one nanosecond is spent by the first evaluation: deterministic, no timing.
    FitOptions noTime = FitOptions.defaults().withMaxSeconds(1e-9);
    assertThatThrownBy(() -> ParetoNbdFitter.fit(patterns, noTime))
        .isInstanceOf(ModelFitException.class)
        .hasMessageStartingWith("pareto_nbd fit ran out of its time budget")
        .hasMessageContaining("after 0 of at most 500 iterations")
        .hasMessageContaining("penalizer")
        .hasMessageNotContaining("..");
  }
}
