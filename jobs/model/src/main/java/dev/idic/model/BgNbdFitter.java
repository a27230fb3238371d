package dev.idic.model;

/**
 * Maximum likelihood fit of {@link BgNbdModel} on compressed purchase patterns, with the analytic
 * gradient. Times are divided by max(T) before fitting and alpha is scaled back afterwards, as in
 * lifetimes; the start point is all parameters 1 on that scale.
 *
 * <p>On long regular purchase histories with little churn the fit converges off the bounds to a
 * near 0 with a standard error several times the estimate, so P(alive) is high for everyone; the
 * fit is then {@link ModelFit#usable()} but {@link ModelFit#degenerate()}, with the reasons in its
 * warnings. What the user can do: a small penalizer (0.001), Pareto/NBD, or a longer history.
 */
public final class BgNbdFitter {

  private BgNbdFitter() {}

  public static ModelFit<BgNbdModel> fit(PurchasePatterns patterns, FitOptions options) {
    PatternIndex index = PatternIndex.of(patterns);
    double scale = index.timeScale();
    BgNbdLikelihood likelihood = new BgNbdLikelihood(index);
    ModelFit<BgNbdModel> fit =
        LikelihoodFit.run(
            "bgnbd",
            BgNbdModel.PARAMETERS,
            likelihood,
            new double[4],
            index.customers(),
            patterns.size(),
            options,
            theta ->
                new BgNbdModel(
                    Math.exp(theta[0]),
                    Math.exp(theta[1]) * scale,
                    Math.exp(theta[2]),
                    Math.exp(theta[3])),
            scale,
            new boolean[] {false, true, false, false},
            -Math.log(scale) * index.totalFrequency());
    return AliveSpreadCheck.apply(fit, patterns);
  }
}
