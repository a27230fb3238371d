package dev.idic.model;

/** Small numerically careful helpers shared by the models. */
final class Numerics {

  private Numerics() {}

  /** ln(e^u + e^v) without overflow; either side may be -infinity. */
  static double logAddExp(double u, double v) {
    if (u == Double.NEGATIVE_INFINITY) {
      return v;
    }
    if (v == Double.NEGATIVE_INFINITY) {
      return u;
    }
    double max = Math.max(u, v);
    return max + Math.log1p(Math.exp(-Math.abs(u - v)));
  }

  /** ln(e^u - e^v) for u &gt;= v; -infinity when they are equal. */
  static double logSubExp(double u, double v) {
    if (v == Double.NEGATIVE_INFINITY) {
      return u;
    }
    if (v >= u) {
      return Double.NEGATIVE_INFINITY;
    }
    return u + Math.log(-Math.expm1(v - u));
  }

  /** 1 / (1 + e^u), exact 0 or 1 in the limits rather than NaN. */
  static double logisticOfMinus(double u) {
    if (u >= 0) {
      double e = Math.exp(-u);
      return e / (1.0 + e);
    }
    return 1.0 / (1.0 + Math.exp(u));
  }

  /**
   * ln of the integral over u in [u1, u2] of (A + u)^-p (B + u)^-q, for A, B &gt; 0, p + q &gt; 1,
   * 0 &lt;= u1 &lt;= u2. With W = 1/(A + u) and A &gt;= B the integral is G(W1) - G(W2) where G(W)
   * = W^k / k * 2F1(q, k; k + 1; (A - B) W) and k = p + q - 1 (substitute and use Euler's integral,
   * DLMF 15.6.1). This is the A0 term of the Pareto/NBD likelihood (Fader and Hardie 2005, "A note
   * on deriving the Pareto/NBD model and related expressions", eq. 21 to 23).
   */
  static double logPowerProductIntegral(
      double p, double a, double q, double b, double u1, double u2) {
    if (!(u2 > u1)) {
      return Double.NEGATIVE_INFINITY;
    }
    if (a < b) {
      return logPowerProductIntegral(q, b, p, a, u1, u2);
    }
    double k = p + q - 1.0;
    double c = a - b;
    double logG1 = logG(k, q, c, 1.0 / (a + u1));
    double logG2 = logG(k, q, c, 1.0 / (a + u2));
    return logSubExp(logG1, logG2);
  }

  private static double logG(double k, double q, double c, double w) {
    return k * Math.log(w) - Math.log(k) + Hypergeometric.log2F1UnitGap(q, k, c * w);
  }
}
