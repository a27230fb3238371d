package dev.idic.model;

/**
 * The Gauss hypergeometric function 2F1(a, b; c; z) for real arguments and z &lt; 1, the range the
 * BTYD models need.
 *
 * <p>The power series {@code sum (a)_n (b)_n / ((c)_n n!) z^n} is summed with a running scale so
 * that results far beyond the double range (large frequency makes the parameters large and the
 * value astronomically big) are still returned exactly as logarithms. For z in [-1/2, 1) the series
 * converges directly, slowly near 1 but with a term count bounded by {@link #MAX_TERMS}; for z &lt;
 * -1/2 the Pfaff transformation {@code 2F1(a,b;c;z) = (1-z)^-a 2F1(a, c-b; c; z/(z-1))} maps the
 * argument into (1/3, 1). Callers that know their parameters (the BG/NBD expectations) use the
 * Euler transformation themselves to keep the series short; see {@link BgNbdModel}.
 */
public final class Hypergeometric {

  /** Terms summed at most before the series is declared non-convergent. */
  public static final int MAX_TERMS = 5_000_000;

  private static final double RELATIVE_TOLERANCE = 1e-15;
  private static final double RESCALE_ABOVE = 1e250;

  private Hypergeometric() {}

  /**
   * 2F1(a, b; c; z) as a double; may overflow to infinity when the true value exceeds the double
   * range (use {@link #log2F1} then).
   *
   * @throws ArithmeticException if z &gt;= 1, c is a non-positive integer, or the series does not
   *     converge within {@link #MAX_TERMS} terms
   */
  public static double value(double a, double b, double c, double z) {
    Series s = sum(a, b, c, z);
    return s.sign * Math.exp(s.logAbs);
  }

  /**
   * ln 2F1(a, b; c; z) for arguments where the function is positive (all the BTYD uses: positive a,
   * b, c and 0 &lt;= z &lt; 1, or the Euler-transformed forms near 1).
   *
   * @throws ArithmeticException if the value is not positive, z &gt;= 1, or the series does not
   *     converge
   */
  public static double log2F1(double a, double b, double c, double z) {
    Series s = sum(a, b, c, z);
    if (s.sign <= 0) {
      throw new ArithmeticException(
          "2F1(" + a + ", " + b + "; " + c + "; " + z + ") is not positive; its log is undefined");
    }
    return s.logAbs;
  }

  private record Series(double sign, double logAbs) {}

  private static Series sum(double a, double b, double c, double z) {
    if (!(z < 1.0) || Double.isNaN(a) || Double.isNaN(b) || Double.isNaN(c)) {
      throw new ArithmeticException(
          "2F1 needs finite parameters and z < 1, got a=" + a + " b=" + b + " c=" + c + " z=" + z);
    }
    if (c <= 0 && c == Math.rint(c)) {
      throw new ArithmeticException("2F1 is undefined for non-positive integer c=" + c);
    }
    if (z < -0.5) {
      // Pfaff: 2F1(a,b;c;z) = (1-z)^-a 2F1(a, c-b; c; z/(z-1)), argument in (1/3, 1).
      Series inner = directSeries(a, c - b, c, z / (z - 1.0));
      return new Series(inner.sign, inner.logAbs - a * Math.log1p(-z));
    }
    return directSeries(a, b, c, z);
  }

  private static Series directSeries(double a, double b, double c, double z) {
    double term = 1.0;
    double total = 1.0;
    double logScale = 0.0;
    double absZ = Math.abs(z);
    for (int n = 0; n < MAX_TERMS; n++) {
      double ratio = (a + n) * (b + n) / ((c + n) * (n + 1.0)) * z;
      term *= ratio;
      total += term;
      if (term == 0.0) {
        return finish(total, logScale); // a or b is a non-positive integer: a polynomial
      }
      double absTotal = Math.abs(total);
      if (absTotal > RESCALE_ABOVE) {
        term /= RESCALE_ABOVE;
        total /= RESCALE_ABOVE;
        logScale += Math.log(RESCALE_ABOVE);
        absTotal = Math.abs(total);
      }
      // Once terms shrink, later ratios lie between the current one and their limit z, so a
      // geometric series with the larger of the two bounds the tail.
      double rho = Math.max(Math.abs(ratio), absZ);
      if (rho < 1.0) {
        double tailBound = Math.abs(term) * rho / (1.0 - rho);
        if (tailBound <= RELATIVE_TOLERANCE * absTotal) {
          return finish(total, logScale);
        }
      }
    }
    throw new ArithmeticException(
        "2F1("
            + a
            + ", "
            + b
            + "; "
            + c
            + "; "
            + z
            + ") series did not converge in "
            + MAX_TERMS
            + " terms");
  }

  private static Series finish(double total, double logScale) {
    if (total == 0.0) {
      return new Series(0.0, Double.NEGATIVE_INFINITY);
    }
    return new Series(Math.signum(total), Math.log(Math.abs(total)) + logScale);
  }
}
