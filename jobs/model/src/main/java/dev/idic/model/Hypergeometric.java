package dev.idic.model;

import org.apache.commons.math3.special.Gamma;

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

  /**
   * ln 2F1(q, k; k + 1; z) for z close to 1, the Pareto/NBD case, by the connection formula DLMF
   * 15.8.4 with c - a - b = 1 - q and 2F1(q, k; q; 1 - z) = z^-k: 2F1(q, k; k+1; z) = G(k+1) G(1-q)
   * / G(k+1-q) z^-k + k / (q - 1) (1-z)^(1-q) 2F1(1, k+1-q; 2-q; 1-z). Both series then run in 1 -
   * z, which is small, instead of z. The formula has cancelling poles at integer q, so callers keep
   * q at least {@link #MIN_DISTANCE_FROM_INTEGER} away from integers.
   *
   * @throws ArithmeticException if q is too close to an integer or the value is not positive
   */
  static double log2F1UnitGapNearOne(double q, double k, double z) {
    if (Math.abs(q - Math.rint(q)) < MIN_DISTANCE_FROM_INTEGER) {
      throw new ArithmeticException("connection formula needs non-integer q, got " + q);
    }
    double sinPiQ = Math.sin(Math.PI * q);
    // G(1-q) = pi / (sin(pi q) G(q)) by reflection; G(k+1-q) has a positive argument.
    double logFirst =
        Gamma.logGamma(k + 1.0)
            + Math.log(Math.PI)
            - Math.log(Math.abs(sinPiQ))
            - Gamma.logGamma(q)
            - Gamma.logGamma(k + 1.0 - q)
            - k * Math.log(z);
    double signFirst = Math.signum(sinPiQ);
    Series tail = sum(1.0, k + 1.0 - q, 2.0 - q, 1.0 - z);
    double logSecond = Math.log(k / Math.abs(q - 1.0)) + (1.0 - q) * Math.log1p(-z) + tail.logAbs;
    double signSecond = Math.signum(q - 1.0) * tail.sign;
    double big = Math.max(logFirst, logSecond);
    double total = signFirst * Math.exp(logFirst - big) + signSecond * Math.exp(logSecond - big);
    if (!(total > 0)) {
      throw new ArithmeticException(
          "2F1(" + q + ", " + k + "; " + (k + 1) + "; " + z + ") lost its precision near z = 1");
    }
    return big + Math.log(total);
  }

  /**
   * ln 2F1(q, k; k + 1; z) for 0 &lt; q &lt; k + 1 and 0 &lt;= z &lt; 1, the family of the
   * Pareto/NBD integral, by whichever form converges fast: the Pfaff transformation below 1/3, the
   * connection formula {@link #log2F1UnitGapNearOne} above 3/4, the plain series in between. Near z
   * = 1 with q within {@link #MIN_DISTANCE_FROM_INTEGER} of an integer m (s near 0 makes q = s + 1
   * near 1) the connection formula has cancelling poles and the plain series needs about q
   * ln(1/(1-z))/(1-z) terms, millions for z near 1; there ln 2F1, analytic in q, is interpolated
   * (cubic, through m ± 2e-3 and m ± 4e-3) from the connection formula, 1e-8 relative or better in
   * the checked cases (see HypergeometricTest). Nothing here sums more than {@link
   * #UNIT_GAP_MAX_TERMS} terms: a longer series is refused at once with an ArithmeticException
   * rather than summed.
   *
   * @throws ArithmeticException if the series would exceed the term budget
   */
  static double log2F1UnitGap(double q, double k, double z) {
    if (!(q > 0) || !(k + 1 > q) || !(z >= 0) || !(z < 1)) {
      throw new ArithmeticException(
          "2F1(q, k; k+1; z) needs 0 < q < k + 1 and 0 <= z < 1, got q="
              + q
              + " k="
              + k
              + " z="
              + z);
    }
    if (z < 1.0 / 3.0) {
      // Pfaff: 2F1(q, k; k+1; z) = (1-z)^-q 2F1(q, 1; k+1; z/(z-1)); with q < k + 1 and
      // |z/(z-1)| < 1/2 the terms shrink geometrically however large q and k are (large x).
      return -q * Math.log1p(-z) + log2F1(q, 1.0, k + 1.0, z / (z - 1.0));
    }
    double m = Math.rint(q);
    boolean nearInteger = Math.abs(q - m) < MIN_DISTANCE_FROM_INTEGER;
    if (z > 0.75 && !nearInteger) {
      // Near 1 the series in z needs about q / (1 - z) terms; the connection formula runs in 1 - z.
      return log2F1UnitGapNearOne(q, k, z);
    }
    double terms = (35.0 + q * Math.log(1.0 / (1.0 - z)) + q) / (1.0 - z);
    if (z > 0.75 && m >= 1 && terms > INTERPOLATE_ABOVE_TERMS) {
      return interpolatedAcrossInteger(q, m, k, z);
    }
    if (terms > UNIT_GAP_MAX_TERMS) {
      throw new ArithmeticException(
          "2F1("
              + q
              + ", "
              + k
              + "; "
              + (k + 1)
              + "; "
              + z
              + ") would need about "
              + Math.round(terms)
              + " series terms, more than the budget of "
              + UNIT_GAP_MAX_TERMS);
    }
    return log2F1(q, k, k + 1.0, z);
  }

  /**
   * Cubic Lagrange interpolation of ln 2F1 in q through m ± h and m ± 2h, h = {@link
   * #INTERPOLATION_STEP}, where the connection formula holds; the error is of order h^4 times the
   * fourth q-derivative.
   */
  private static double interpolatedAcrossInteger(double q, double m, double k, double z) {
    double h = INTERPOLATION_STEP;
    double[] nodes = {m - 2 * h, m - h, m + h, m + 2 * h};
    if (!(nodes[0] > 0) || !(nodes[3] < k + 1)) {
      throw new ArithmeticException(
          "2F1("
              + q
              + ", "
              + k
              + "; "
              + (k + 1)
              + "; "
              + z
              + ") is out of reach: q is next to"
              + " an integer and too close to 0 or to k + 1 to interpolate");
    }
    double total = 0;
    for (int i = 0; i < nodes.length; i++) {
      double basis = 1;
      for (int j = 0; j < nodes.length; j++) {
        if (j != i) {
          basis *= (q - nodes[j]) / (nodes[i] - nodes[j]);
        }
      }
      total += basis * log2F1UnitGapNearOne(nodes[i], k, z);
    }
    return total;
  }

  /** Terms {@link #log2F1UnitGap} sums at most: a few milliseconds. */
  static final int UNIT_GAP_MAX_TERMS = 1_000_000;

  /** Near an integer q, series longer than this are replaced by the interpolation. */
  private static final double INTERPOLATE_ABOVE_TERMS = 20_000;

  private static final double INTERPOLATION_STEP = 2e-3;

  /** How far from an integer q must be for {@link #log2F1UnitGapNearOne}. */
  static final double MIN_DISTANCE_FROM_INTEGER = 1e-3;

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
