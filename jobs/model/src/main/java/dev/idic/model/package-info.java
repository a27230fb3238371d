/**
 * The buy-till-you-die models of IDIC in pure Java (commons-math3, no Spark).
 *
 * <p>Purchase models: {@link dev.idic.model.BgNbdModel} and {@link dev.idic.model.ParetoNbdModel}
 * ({@link dev.idic.model.PurchaseModel}), fitted by {@link dev.idic.model.BgNbdFitter} and {@link
 * dev.idic.model.ParetoNbdFitter} on {@link dev.idic.model.PurchasePatterns}. Spend model: {@link
 * dev.idic.model.GammaGammaModel}, fitted by {@link dev.idic.model.GammaGammaFitter} on {@link
 * dev.idic.model.SpendPatterns}. Every fit returns a {@link dev.idic.model.ModelFit} with standard
 * errors, log-likelihood, status, boundary flag and the degeneracy rules that fired ({@link
 * dev.idic.model.FitDegeneracy}: a fit can converge and still describe the data badly); every fit
 * stops at the iteration and wall-time budgets of {@link dev.idic.model.FitOptions}. {@link
 * dev.idic.model.CustomerScorer} turns the fitted models into per-customer {@link
 * dev.idic.model.CustomerScore}s including CLV exactly as the lifetimes library computes it. {@link
 * dev.idic.model.Hypergeometric} is the Gauss 2F1 the models need. Models, scorer and results are
 * immutable and serializable for Spark executors.
 *
 * <p>Conventions are those of lifetimes 0.11.3: frequency = repeat purchase periods, recency = age
 * at the last purchase, T = age at the end of observation, times in one unit (days or weeks);
 * fitting on log parameters with times divided by max(T).
 */
package dev.idic.model;
