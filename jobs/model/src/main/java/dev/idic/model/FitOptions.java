package dev.idic.model;

/**
 * Options of a maximum likelihood fit. The two budgets bound the fit on any data: a fit that
 * reaches {@code maxIterations} comes back not usable with a warning saying so; a fit that runs out
 * of {@code maxSeconds} throws a {@link ModelFitException} naming the model, the iterations reached
 * and what to try, since no standard errors are computed for it.
 *
 * @param penalizer L2 penalty coefficient c: the fit minimizes the mean negative log-likelihood
 *     plus c times the sum of the squared parameters (time-scaled as in the fit), as lifetimes does
 * @param maxIterations quasi-Newton iterations at most
 * @param gradientTolerance largest absolute gradient component of the objective (mean negative
 *     log-likelihood per customer, log parameters) accepted as converged
 * @param maxSeconds wall-time budget of the optimization, checked before every objective evaluation
 */
public record FitOptions(
    double penalizer, int maxIterations, double gradientTolerance, double maxSeconds) {

  /** Wall-time budget of {@link #defaults()}: far above the seconds a healthy fit takes. */
  public static final double DEFAULT_MAX_SECONDS = 300.0;

  public FitOptions {
    if (!(penalizer >= 0) || maxIterations < 1 || !(gradientTolerance > 0) || !(maxSeconds > 0)) {
      throw new IllegalArgumentException(
          "need penalizer >= 0, maxIterations >= 1, gradientTolerance > 0, maxSeconds > 0, got "
              + penalizer
              + ", "
              + maxIterations
              + ", "
              + gradientTolerance
              + ", "
              + maxSeconds);
    }
  }

  /** With the default wall-time budget. */
  public FitOptions(double penalizer, int maxIterations, double gradientTolerance) {
    this(penalizer, maxIterations, gradientTolerance, DEFAULT_MAX_SECONDS);
  }

  public static FitOptions defaults() {
    return new FitOptions(0.0, 500, 1e-9, DEFAULT_MAX_SECONDS);
  }

  public FitOptions withPenalizer(double value) {
    return new FitOptions(value, maxIterations, gradientTolerance, maxSeconds);
  }

  public FitOptions withMaxIterations(int value) {
    return new FitOptions(penalizer, value, gradientTolerance, maxSeconds);
  }

  public FitOptions withMaxSeconds(double value) {
    return new FitOptions(penalizer, maxIterations, gradientTolerance, value);
  }
}
