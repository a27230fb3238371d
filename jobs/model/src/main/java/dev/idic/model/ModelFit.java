package dev.idic.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of a maximum likelihood fit. The estimates are always those of the last iterate; use
 * {@link #status()}, {@link #atBoundary()} and {@link #warnings()} before trusting them, or {@link
 * #requireUsable()} to fail loudly.
 *
 * <p>Two levels of trouble. Not {@link #usable()}: the optimizer did not converge or a parameter
 * ended on a bound, so the estimates must not be used and {@link #requireUsable()} throws. {@link
 * #degenerate()}: the fit may have converged to estimates that exist (it can still be usable) but
 * describe the data badly, for example BG/NBD with a near 0 so P(alive) is about 1 for everyone;
 * {@link #degeneracies()} lists the reasons (see {@link FitDegeneracy.Kind} for the rules) and a
 * quality gate decides whether to publish. What the user can do about a degenerate purchase fit:
 * set a small penalizer (for example 0.001) so the dropout parameters cannot drift to a bound, try
 * the other purchase model (Pareto/NBD lets customers die at any time, not only right after a
 * purchase), or fit on a longer history so that inactive customers become visible; when dropout
 * really is rare the models cannot rank customers by risk, and recency against each customer's own
 * purchase interval is the better signal.
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
 * @param warnings plain-language problems a human should read, including every degeneracy reason
 * @param degeneracies the degeneracy rules that fired, empty for a healthy fit
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
    List<String> warnings,
    List<FitDegeneracy> degeneracies)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public ModelFit {
    parameterNames = List.copyOf(parameterNames);
    warnings = List.copyOf(warnings);
    degeneracies = List.copyOf(degeneracies);
  }

  public boolean converged() {
    return status == FitStatus.CONVERGED;
  }

  /**
   * Whether the estimates can be used: converged and not on a boundary. A degenerate fit that
   * converged off the bounds is usable (its estimates exist and are the maximum likelihood ones);
   * check {@link #degenerate()} before trusting what it predicts.
   */
  public boolean usable() {
    return converged() && !atBoundary;
  }

  /** Whether any degeneracy rule fired: the fit describes the data badly, see degeneracies(). */
  public boolean degenerate() {
    return !degeneracies.isEmpty();
  }

  /** This fit with one more degeneracy, its reason added to the warnings. */
  ModelFit<M> withDegeneracy(FitDegeneracy degeneracy) {
    List<String> moreWarnings = new ArrayList<>(warnings);
    moreWarnings.add(degeneracy.reason());
    List<FitDegeneracy> more = new ArrayList<>(degeneracies);
    more.add(degeneracy);
    return new ModelFit<>(
        model,
        modelName,
        parameterNames,
        estimates,
        standardErrors,
        logLikelihood,
        customers,
        patterns,
        iterations,
        status,
        atBoundary,
        fitSeconds,
        penalizer,
        moreWarnings,
        more);
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
              + ModelFitException.clauses(warnings)
              + ". Check the input summary (frequency, recency, T) for degenerate data, set a small"
              + " penalizer (for example 0.001) in the model settings, try the other purchase"
              + " model, or fit on a longer history");
    }
    return model;
  }
}
