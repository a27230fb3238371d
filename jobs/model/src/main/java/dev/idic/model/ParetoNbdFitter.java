package dev.idic.model;

import org.apache.commons.math3.special.Gamma;

/**
 * Maximum likelihood fit of {@link ParetoNbdModel} on compressed purchase patterns. The
 * likelihood's hypergeometric term has no cheap parameter derivative, so the gradient is taken by
 * central differences (the fit is small: four parameters, distinct patterns). Times are divided by
 * max(T) first and alpha, beta scaled back, as in lifetimes.
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

  public static ModelFit<ParetoNbdModel> fit(PurchasePatterns patterns, FitOptions options) {
    PatternIndex index = PatternIndex.of(patterns);
    double scale = index.timeScale();
    ModelFit<ParetoNbdModel> fit =
        LikelihoodFit.run(
            "pareto_nbd",
            ParetoNbdModel.PARAMETERS,
            QuasiNewton.withNumericGradient(theta -> meanNegativeLogLikelihood(index, theta)),
            new double[4],
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
    return AliveSpreadCheck.apply(fit, patterns);
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
    try {
      for (int i = 0; i < index.size(); i++) {
        int x = xs[index.frequencyIndex[i]];
        double tx = times[index.recencyIndex[i]];
        double age = times[index.ageIndex[i]];
        ll +=
            index.weight[i]
                * Numerics.logAddExp(model.logAliveTerm(x, age), model.logDeadTerm(x, tx, age));
      }
    } catch (ArithmeticException e) {
      // Parameters so extreme that 2F1 does not converge: let the line search step back.
      return Double.POSITIVE_INFINITY;
    }
    return -ll / index.customers();
  }
}
