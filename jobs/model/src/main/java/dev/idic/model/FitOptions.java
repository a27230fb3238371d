package dev.idic.model;

/**
 * Options of a maximum likelihood fit.
 *
 * @param penalizer L2 penalty coefficient c: the fit minimizes the mean negative log-likelihood
 *     plus c times the sum of the squared parameters (time-scaled as in the fit), as lifetimes does
 * @param maxIterations quasi-Newton iterations at most
 * @param gradientTolerance largest absolute gradient component of the objective (mean negative
 *     log-likelihood per customer, log parameters) accepted as converged
 */
public record FitOptions(double penalizer, int maxIterations, double gradientTolerance) {

  public FitOptions {
    if (!(penalizer >= 0) || maxIterations < 1 || !(gradientTolerance > 0)) {
      throw new IllegalArgumentException(
          "need penalizer >= 0, maxIterations >= 1, gradientTolerance > 0, got "
              + penalizer
              + ", "
              + maxIterations
              + ", "
              + gradientTolerance);
    }
  }

  public static FitOptions defaults() {
    return new FitOptions(0.0, 500, 1e-9);
  }

  public FitOptions withPenalizer(double value) {
    return new FitOptions(value, maxIterations, gradientTolerance);
  }
}
