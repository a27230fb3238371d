package dev.idic.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The fitting recipe shared by all models: minimize the mean negative log-likelihood per customer
 * plus the L2 penalty over log parameters (times already divided by a scale), then derive standard
 * errors, the boundary flag and warnings.
 */
final class LikelihoodFit {

  /** Parameters beyond e^±14 (about 1e6 times the scaled data's unit) count as on the boundary. */
  private static final double LOG_BOUNDARY = 14.0;

  private static final double HESSIAN_STEP = 1e-5;

  private LikelihoodFit() {}

  /**
   * @param meanNll mean negative log-likelihood per customer on log parameters, with gradient
   * @param toModel builds the model from log parameters, in the data's original time unit
   * @param timeScale the factor times were divided by; scaled parameters are multiplied by it
   * @param timeScaled which parameters carry a time unit (alpha, beta)
   * @param logLikelihoodShift added to the scaled log-likelihood to express it in original units
   */
  static <M extends Serializable> ModelFit<M> run(
      String modelName,
      List<String> names,
      QuasiNewton.Objective meanNll,
      double[] start,
      double customers,
      int patterns,
      FitOptions options,
      Function<double[], M> toModel,
      double timeScale,
      boolean[] timeScaled,
      double logLikelihoodShift) {
    long started = System.nanoTime();
    double penalizer = options.penalizer();
    QuasiNewton.Objective objective =
        (theta, gradient) -> {
          double value = meanNll.evaluate(theta, gradient);
          for (int k = 0; k < theta.length; k++) {
            double param = Math.exp(theta[k]);
            value += penalizer * param * param;
            gradient[k] += 2.0 * penalizer * param * param;
          }
          return value;
        };
    long deadline = started + (long) (options.maxSeconds() * 1e9);
    QuasiNewton.Minimum minimum =
        QuasiNewton.minimize(
            objective, start, options.maxIterations(), options.gradientTolerance(), deadline);
    double[] theta = minimum.point();
    if (minimum.status() == FitStatus.TIME_LIMIT) {
      throw new ModelFitException(
          modelName
              + " fit ran out of its time budget of "
              + options.maxSeconds()
              + " s after "
              + minimum.iterations()
              + " of at most "
              + options.maxIterations()
              + " iterations, with largest gradient "
              + maxAbs(minimum.gradient())
              + " (tolerance "
              + options.gradientTolerance()
              + "). Set a small penalizer (for example 0.001) in the model settings, try the other"
              + " purchase model, or check the input summary (frequency, recency, T) for"
              + " degenerate data");
    }
    List<String> warnings = new ArrayList<>();
    List<FitDegeneracy> degeneracies = new ArrayList<>();
    boolean atBoundary = false;
    double[] estimates = new double[theta.length];
    for (int k = 0; k < theta.length; k++) {
      estimates[k] = Math.exp(theta[k]) * (timeScaled[k] ? timeScale : 1.0);
      if (Math.abs(theta[k]) > LOG_BOUNDARY) {
        atBoundary = true;
        String reason =
            names.get(k)
                + " = "
                + estimates[k]
                + " ran off towards "
                + (theta[k] > 0 ? "infinity" : "0")
                + " (the data cannot identify it)";
        warnings.add(reason);
        degeneracies.add(new FitDegeneracy(FitDegeneracy.Kind.PARAMETER_AT_BOUND, reason));
      }
    }
    for (double e : estimates) {
      if (!Double.isFinite(e) || e <= 0) {
        throw new ModelFitException(
            modelName
                + " fit produced unusable parameters "
                + Arrays.toString(estimates)
                + " after "
                + minimum.iterations()
                + " iterations; check the input summary or set a penalizer");
      }
    }
    if (minimum.status() != FitStatus.CONVERGED) {
      warnings.add(
          "the optimizer "
              + (minimum.status() == FitStatus.MAX_ITERATIONS
                  ? "hit its limit of " + options.maxIterations() + " iterations"
                  : "stalled")
              + " with gradient "
              + Arrays.toString(minimum.gradient()));
    }
    double[] standardErrors = standardErrors(objective, theta, customers, estimates);
    if (Double.isNaN(standardErrors[0])) {
      atBoundary = true;
      String reason =
          "the Hessian is not positive definite: no standard errors, parameters not identified";
      warnings.add(reason);
      degeneracies.add(new FitDegeneracy(FitDegeneracy.Kind.HESSIAN_NOT_POSITIVE_DEFINITE, reason));
    }
    for (int k = 0; k < theta.length; k++) {
      if (standardErrors[k] > estimates[k] && Math.abs(theta[k]) <= LOG_BOUNDARY) {
        String reason =
            names.get(k)
                + " = "
                + estimates[k]
                + " is not identified by the data: its standard error "
                + standardErrors[k]
                + " is "
                + String.format(Locale.ROOT, "%.1f", standardErrors[k] / estimates[k])
                + " times the estimate";
        warnings.add(reason);
        degeneracies.add(new FitDegeneracy(FitDegeneracy.Kind.PARAMETER_NOT_IDENTIFIED, reason));
      }
    }
    double penalty = 0;
    for (double t : theta) {
      penalty += penalizer * Math.exp(2 * t);
    }
    double logLikelihood = -(minimum.value() - penalty) * customers + logLikelihoodShift;
    M model = toModel.apply(theta);
    double seconds = (System.nanoTime() - started) / 1e9;
    return new ModelFit<>(
        model,
        modelName,
        names,
        estimates,
        standardErrors,
        logLikelihood,
        customers,
        patterns,
        minimum.iterations(),
        minimum.status(),
        atBoundary,
        seconds,
        penalizer,
        warnings,
        degeneracies);
  }

  private static double maxAbs(double[] v) {
    double m = 0;
    for (double e : v) {
      m = Math.max(m, Math.abs(e));
    }
    return m;
  }

  /**
   * Delta method: se(theta_k) from the inverse Hessian of the total objective, times the estimate.
   */
  private static double[] standardErrors(
      QuasiNewton.Objective objective, double[] theta, double customers, double[] estimates) {
    double[][] hessian = QuasiNewton.hessian(objective, theta, HESSIAN_STEP);
    RealMatrix total = new Array2DRowRealMatrix(hessian).scalarMultiply(customers);
    double[] out = new double[theta.length];
    try {
      RealMatrix covariance =
          new CholeskyDecomposition(total, 1e-12, 1e-14).getSolver().getInverse();
      for (int k = 0; k < theta.length; k++) {
        out[k] = estimates[k] * Math.sqrt(covariance.getEntry(k, k));
      }
    } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
      Arrays.fill(out, Double.NaN);
    }
    return out;
  }
}
