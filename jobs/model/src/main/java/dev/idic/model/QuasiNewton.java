package dev.idic.model;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * BFGS on the inverse Hessian with a backtracking Armijo line search, for the handful of log
 * parameters of the BTYD likelihoods. commons-math3 has no BFGS, and its nonlinear conjugate
 * gradient needs many more evaluations on these curved objectives.
 */
final class QuasiNewton {

  /** A smooth objective: returns the value at x and writes the gradient into gradient. */
  interface Objective {
    double evaluate(double[] x, double[] gradient);
  }

  record Minimum(
      double[] point, double value, double[] gradient, int iterations, FitStatus status) {}

  private static final double ARMIJO = 1e-4;
  private static final int MAX_HALVINGS = 60;

  private QuasiNewton() {}

  /**
   * @param deadline {@link System#nanoTime()} after which no new objective evaluation starts; the
   *     minimum so far is returned with {@link FitStatus#TIME_LIMIT}
   */
  static Minimum minimize(
      Objective f, double[] start, int maxIterations, double gradientTolerance, long deadline) {
    int n = start.length;
    double[] x = start.clone();
    double[] g = new double[n];
    double fx = f.evaluate(x, g);
    if (!Double.isFinite(fx)) {
      throw new ArithmeticException(
          "objective is not finite at the start point " + Arrays.toString(x));
    }
    double[][] h = identity(n, 1.0);
    double[] xNew = new double[n];
    double[] gNew = new double[n];
    for (int iteration = 0; iteration < maxIterations; iteration++) {
      if (maxAbs(g) <= gradientTolerance) {
        return new Minimum(x, fx, g, iteration, FitStatus.CONVERGED);
      }
      if (System.nanoTime() - deadline > 0) {
        return new Minimum(x, fx, g, iteration, FitStatus.TIME_LIMIT);
      }
      double[] d = times(h, g, -1.0);
      double slope = dot(d, g);
      if (!(slope < 0)) {
        h = identity(n, 1.0);
        d = times(h, g, -1.0);
        slope = dot(d, g);
      }
      // The first direction is the raw gradient: cap its step at 1 in the largest coordinate.
      double step = iteration == 0 ? Math.min(1.0, 1.0 / maxAbs(d)) : 1.0;
      double fNew = Double.NaN;
      boolean accepted = false;
      for (int k = 0; k < MAX_HALVINGS; k++) {
        if (System.nanoTime() - deadline > 0) {
          return new Minimum(x, fx, g, iteration, FitStatus.TIME_LIMIT);
        }
        for (int i = 0; i < n; i++) {
          xNew[i] = x[i] + step * d[i];
        }
        fNew = f.evaluate(xNew, gNew);
        if (Double.isFinite(fNew) && fNew <= fx + ARMIJO * step * slope) {
          accepted = true;
          break;
        }
        // Minimum of the quadratic through f(x), the slope and f(x + step d), kept within
        // [0.1, 0.5] of the step; plain halving when the trial value is not finite.
        double next = 0.5 * step;
        if (Double.isFinite(fNew)) {
          double curvature = fNew - fx - slope * step;
          if (curvature > 0) {
            next =
                Math.min(0.5 * step, Math.max(0.1 * step, -slope * step * step / (2 * curvature)));
          }
        }
        step = next;
      }
      if (!accepted) {
        FitStatus status =
            maxAbs(g) <= Math.sqrt(gradientTolerance) ? FitStatus.CONVERGED : FitStatus.STALLED;
        return new Minimum(x, fx, g, iteration, status);
      }
      double[] s = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        s[i] = xNew[i] - x[i];
        y[i] = gNew[i] - g[i];
      }
      double sy = dot(s, y);
      if (sy > 1e-300) {
        if (iteration == 0) {
          h = identity(n, sy / dot(y, y));
        }
        h = bfgsUpdate(h, s, y, 1.0 / sy);
      }
      System.arraycopy(xNew, 0, x, 0, n);
      System.arraycopy(gNew, 0, g, 0, n);
      boolean noProgress = fx - fNew <= 1e-16 * Math.abs(fx) && maxAbs(s) < 1e-12;
      fx = fNew;
      if (noProgress) {
        FitStatus status =
            maxAbs(g) <= Math.sqrt(gradientTolerance) ? FitStatus.CONVERGED : FitStatus.STALLED;
        return new Minimum(x, fx, g, iteration + 1, status);
      }
    }
    FitStatus status =
        maxAbs(g) <= gradientTolerance ? FitStatus.CONVERGED : FitStatus.MAX_ITERATIONS;
    return new Minimum(x, fx, g, maxIterations, status);
  }

  /** H+ = (I - rho s y') H (I - rho y s') + rho s s'. */
  private static double[][] bfgsUpdate(double[][] h, double[] s, double[] y, double rho) {
    int n = s.length;
    double[] hy = times(h, y, 1.0);
    double yhy = dot(y, hy);
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        out[i][j] =
            h[i][j] - rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
      }
    }
    return out;
  }

  /**
   * Hessian by central differences of the analytic (or numeric) gradient, symmetrized.
   *
   * @param step difference step on each coordinate
   */
  static double[][] hessian(Objective f, double[] x, double step) {
    int n = x.length;
    double[][] hess = new double[n][n];
    double[] plus = new double[n];
    double[] minus = new double[n];
    for (int i = 0; i < n; i++) {
      double[] xi = x.clone();
      xi[i] = x[i] + step;
      f.evaluate(xi, plus);
      xi[i] = x[i] - step;
      f.evaluate(xi, minus);
      for (int j = 0; j < n; j++) {
        hess[i][j] = (plus[j] - minus[j]) / (2 * step);
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        double mean = 0.5 * (hess[i][j] + hess[j][i]);
        hess[i][j] = mean;
        hess[j][i] = mean;
      }
    }
    return hess;
  }

  /** Gradient by central differences, for objectives without an analytic one. */
  static Objective withNumericGradient(ToDoubleFunction<double[]> value) {
    return (x, gradient) -> {
      double h = 1e-6;
      double[] xi = x.clone();
      for (int i = 0; i < x.length; i++) {
        xi[i] = x[i] + h;
        double up = value.applyAsDouble(xi);
        xi[i] = x[i] - h;
        double down = value.applyAsDouble(xi);
        xi[i] = x[i];
        gradient[i] = (up - down) / (2 * h);
      }
      return value.applyAsDouble(x);
    };
  }

  private static double[][] identity(int n, double scale) {
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      m[i][i] = scale;
    }
    return m;
  }

  private static double[] times(double[][] m, double[] v, double scale) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      double acc = 0;
      for (int j = 0; j < v.length; j++) {
        acc += m[i][j] * v[j];
      }
      out[i] = scale * acc;
    }
    return out;
  }

  private static double dot(double[] a, double[] b) {
    double acc = 0;
    for (int i = 0; i < a.length; i++) {
      acc += a[i] * b[i];
    }
    return acc;
  }

  private static double maxAbs(double[] v) {
    double m = 0;
    for (double e : v) {
      m = Math.max(m, Math.abs(e));
    }
    return m;
  }
}
