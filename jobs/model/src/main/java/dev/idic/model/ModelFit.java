package dev.idic.model;

import java.io.Serializable;
import java.util.List;

/**
 * The outcome of a maximum likelihood fit. The estimates are always those of the last iterate; use
 * {@link #status()}, {@link #atBoundary()} and {@link #warnings()} before trusting them, or {@link
 * #requireUsable()} to fail loudly.
 *
 * @param model the fitted model, parameters in the data's original time unit
 * @param modelName "bgnbd", "pareto_nbd" or "gamma_gamma"
 * @param parameterNames parameter names in order
 * @param estimates parameter estimates
 * @param standardErrors from the inverse Hessian of the (penalized) negative log-likelihood on the
 *     log scale, mapped by the delta method; NaN when the Hessian is not positive definite
 * @param logLikelihood total log-likelihood at the estimates (unpenalized, original units)
 * @param customers number of customers (sum of weights)
 * @param patterns number of distinct patterns fitted
 * @param iterations quasi-Newton iterations used
 * @param status how the optimization ended
 * @param atBoundary a parameter ran off towards 0 or infinity, or the Hessian is singular
 * @param fitSeconds wall time of the fit
 * @param penalizer the L2 penalty used
 * @param warnings plain-language problems a human should read
 */
public record ModelFit<M extends Serializable>(
    M model,
    String modelName,
    List<String> parameterNames,
    double[] estimates,
    double[] standardErrors,
    double logLikelihood,
    double customers,
    int patterns,
    int iterations,
    FitStatus status,
    boolean atBoundary,
    double fitSeconds,
    double penalizer,
    List<String> warnings)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public ModelFit {
    parameterNames = List.copyOf(parameterNames);
    warnings = List.copyOf(warnings);
  }

  public boolean converged() {
    return status == FitStatus.CONVERGED;
  }

  /** Whether the estimates can be used: converged and not on a boundary. */
  public boolean usable() {
    return converged() && !atBoundary;
  }

  /**
   * @return the fitted model
   * @throws ModelFitException saying what went wrong and what to try when the fit is not usable
   */
  public M requireUsable() {
    if (!usable()) {
      throw new ModelFitException(
          modelName
              + " fit is not usable: "
              + String.join("; ", warnings)
              + ". Check the input summary (frequency, recency, T) for degenerate data, or set a"
              + " small penalizer (for example 0.001) in the model settings.");
    }
    return model;
  }
}
