package dev.idic.model;

import java.util.stream.IntStream;
import org.apache.commons.math3.special.Gamma;

/**
 * Maximum likelihood fit of {@link ParetoNbdModel} on compressed purchase patterns. The
 * likelihood's hypergeometric term has no cheap parameter derivative, so the gradient is taken by
 * central differences (the fit is small: four parameters, distinct patterns). Times are divided by
 * max(T) first and alpha, beta scaled back, as in lifetimes. On many patterns (daily times of
 * hundreds of thousands of customers) the fit starts where a fit on an even subsample ended, and
 * the patterns' likelihood terms are computed on every core.
 *
 * <p>Every likelihood evaluation is bounded: {@link Hypergeometric#log2F1UnitGap} never sums more
 * than a fixed number of terms (near-integer q = s + 1, the case of s near 0 on data with little
 * churn, is interpolated instead of summed) and refuses longer series, which the line search treats
 * as an infinite objective and steps back from; the fit as a whole stops at the iteration and
 * wall-time budgets of {@link FitOptions}. On data with long regular histories and little churn s
 * drifts to 0 and the Hessian is singular: the fit is then reported {@link ModelFit#degenerate()}.
 * What the user can do: a small penalizer (0.001), BG/NBD instead, or a longer history.
 */
public final class ParetoNbdFitter {

  private ParetoNbdFitter() {}

  /**
   * Above this many patterns the fit starts from the estimates on an even subsample of about this
   * many: each likelihood evaluation costs one hypergeometric series per pattern, and from there
   * the full data needs only the last few quasi-Newton iterations.
   */
  static final int WARM_START_PATTERNS = 20_000;

  public static ModelFit<ParetoNbdModel> fit(PurchasePatterns patterns, FitOptions options) {
    return fit(patterns, options, WARM_START_PATTERNS);
  }

  /** As {@link #fit(PurchasePatterns, FitOptions)}, warm-started above {@code warmStartAbove}. */
  static ModelFit<ParetoNbdModel> fit(
      PurchasePatterns patterns, FitOptions options, int warmStartAbove) {
    long started = System.nanoTime();
    double scale = PatternIndex.of(patterns).timeScale();
    double[] start =
        patterns.size() > warmStartAbove
            ? warmStart(patterns, options, scale, warmStartAbove)
            : new double[4];
    double secondsLeft = options.maxSeconds() - (System.nanoTime() - started) / 1e9;
    ModelFit<ParetoNbdModel> fit =
        fitFrom(patterns, options.withMaxSeconds(Math.max(secondsLeft, 1e-3)), start);
    return AliveSpreadCheck.apply(fit, patterns);
  }

  private static ModelFit<ParetoNbdModel> fitFrom(
      PurchasePatterns patterns, FitOptions options, double[] start) {
    PatternIndex index = PatternIndex.of(patterns);
    double scale = index.timeScale();
    return LikelihoodFit.run(
        "pareto_nbd",
        ParetoNbdModel.PARAMETERS,
        QuasiNewton.withNumericGradient(theta -> meanNegativeLogLikelihood(index, theta)),
        start,
        index.customers(),
        patterns.size(),
        options,
        theta ->
            new ParetoNbdModel(
                Math.exp(theta[0]),
                Math.exp(theta[1]) * scale,
                Math.exp(theta[2]),
                Math.exp(theta[3]) * scale),
        scale,
        new boolean[] {false, true, false, true},
        -Math.log(scale) * index.totalFrequency());
  }

  /**
   * The log scaled parameters of a fit on an even subsample of the patterns, given a quarter of the
   * time budget; the default start when that fit fails.
   */
  private static double[] warmStart(
      PurchasePatterns patterns, FitOptions options, double scale, int sampleSize) {
    try {
      ParetoNbdModel m =
          fitFrom(
                  patterns.evenSample(sampleSize),
                  options.withMaxSeconds(options.maxSeconds() / 4),
                  new double[4])
              .model();
      return new double[] {
        Math.log(m.r()), Math.log(m.alpha() / scale), Math.log(m.s()), Math.log(m.beta() / scale)
      };
    } catch (ModelFitException e) {
      return new double[4];
    }
  }

  private static double meanNegativeLogLikelihood(PatternIndex index, double[] theta) {
    double r = Math.exp(theta[0]);
    double alpha = Math.exp(theta[1]);
    double s = Math.exp(theta[2]);
    double beta = Math.exp(theta[3]);
    if (!Double.isFinite(r + alpha + s + beta) || r * alpha * s * beta == 0) {
      return Double.POSITIVE_INFINITY;
    }
    ParetoNbdModel model = new ParetoNbdModel(r, alpha, s, beta);
    double ll = 0;
    int[] xs = index.distinctFrequency;
    double front = -Gamma.logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
    for (int k = 0; k < xs.length; k++) {
      ll += index.weightPerFrequency[k] * (Gamma.logGamma(r + xs[k]) + front);
    }
    double[] times = index.distinctTime;
    double[] terms = new double[index.size()];
    try {
      // The patterns' terms are independent: computed on every core, then summed in pattern order
      // so that the result does not depend on the scheduling.
      IntStream.range(0, index.size())
          .parallel()
          .forEach(
              i -> {
                int x = xs[index.frequencyIndex[i]];
                double tx = times[index.recencyIndex[i]];
                double age = times[index.ageIndex[i]];
                terms[i] =
                    index.weight[i]
                        * Numerics.logAddExp(
                            model.logAliveTerm(x, age), model.logDeadTerm(x, tx, age));
              });
    } catch (ArithmeticException e) {
      // Parameters so extreme that 2F1 does not converge: let the line search step back.
      return Double.POSITIVE_INFINITY;
    }
    for (double term : terms) {
      ll += term;
    }
    return -ll / index.customers();
  }
}
