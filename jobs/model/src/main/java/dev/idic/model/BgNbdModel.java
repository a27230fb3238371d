package dev.idic.model;

import java.util.List;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * The BG/NBD model (Fader, Hardie and Lee 2005, "Counting your customers the easy way"): while
 * alive a customer buys at Poisson rate lambda ~ Gamma(r, alpha) and after each purchase dies with
 * probability p ~ Beta(a, b).
 *
 * <p>Formulas follow the paper and lifetimes 0.11.3 ({@code BetaGeoFitter}); the hypergeometric
 * terms are taken through the Euler transformation {@code 2F1(A,B;C;z) = (1-z)^(C-A-B)
 * 2F1(C-A,C-B;C;z)}, which turns {@code 2F1(r+x, b+x; a+b+x-1; z)} (huge for large x) into {@code
 * (1-z)^(a-1-r-x) 2F1(a+b-1-r, a-1; a+b+x-1; z)} whose series is short and whose prefactor cancels
 * against {@code ((alpha+T)/(alpha+T+t))^(r+x)}.
 *
 * @param r shape of the purchase rate distribution
 * @param alpha scale of the purchase rate distribution, in the model's time unit
 * @param a first shape of the dropout probability distribution
 * @param b second shape of the dropout probability distribution
 */
public record BgNbdModel(double r, double alpha, double a, double b) implements PurchaseModel {

  private static final long serialVersionUID = 1L;

  /** a = 1 makes (a+b+x-1)/(a-1) a removable 0/0; evaluate just beside it. */
  private static final double A_NEAR_ONE = 1e-7;

  /** Parameter names, in the order of the record components. */
  public static final List<String> PARAMETERS = List.of("r", "alpha", "a", "b");

  public BgNbdModel {
    ModelParameters.requireFinitePositive("BG/NBD", PARAMETERS, r, alpha, a, b);
  }

  @Override
  public double logLikelihood(int x, double tx, double T) {
    double a1 = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha);
    double a2 = Beta.logBeta(a, b + x) - Beta.logBeta(a, b);
    double a3 = -(r + x) * Math.log(alpha + T);
    if (x == 0) {
      return a1 + a2 + a3;
    }
    double a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
    return a1 + a2 + Numerics.logAddExp(a3, a4);
  }

  /** P(alive) = 1 / (1 + [x &gt; 0] a/(b+x-1) ((alpha+T)/(alpha+tx))^(r+x)), in log space. */
  @Override
  public double probabilityAlive(int x, double tx, double T) {
    if (x == 0) {
      return 1.0;
    }
    double logOdds =
        Math.log(a / (b + x - 1)) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
    return Numerics.logisticOfMinus(logOdds);
  }

  @Override
  public double expectedPurchases(double t, int x, double tx, double T) {
    return expectedPurchases(new double[] {t}, x, tx, T)[0];
  }

  /**
   * E[Y(t) | x, tx, T] = P(alive) (a+b+x-1)/(a-1) [1 - (1-z)^(a-1) 2F1(a+b-1-r, a-1; a+b+x-1; z)],
   * z = t/(alpha+T+t) (eq. 10 of the paper after the Euler transformation). The series coefficients
   * do not depend on t, so all horizons are summed in one pass.
   */
  @Override
  public double[] expectedPurchases(double[] t, int x, double tx, double T) {
    double aa = Math.abs(a - 1.0) < A_NEAR_ONE ? 1.0 + A_NEAR_ONE : a;
    double upper = aa + b - 1.0 - r;
    double lower = aa - 1.0;
    double c = aa + b + x - 1.0;
    double[] z = new double[t.length];
    double[] power = new double[t.length];
    double[] sum = new double[t.length];
    int widest = 0;
    for (int i = 0; i < t.length; i++) {
      if (!(t[i] >= 0) || Double.isInfinite(t[i])) {
        throw new IllegalArgumentException("horizon must be finite and >= 0, got " + t[i]);
      }
      z[i] = t[i] / (alpha + T + t[i]);
      power[i] = 1.0;
      sum[i] = 1.0;
      widest = z[i] > z[widest] ? i : widest;
    }
    double zMax = t.length == 0 ? 0.0 : z[widest];
    double coefficient = 1.0;
    for (int n = 0; n < Hypergeometric.MAX_TERMS && zMax > 0; n++) {
      double ratio = (upper + n) * (lower + n) / ((c + n) * (n + 1.0));
      coefficient *= ratio;
      for (int i = 0; i < t.length; i++) {
        power[i] *= z[i];
        sum[i] += coefficient * power[i];
      }
      // Later term ratios lie between this one and their limit zMax (see Hypergeometric).
      double rho = Math.max(Math.abs(ratio), 1.0) * zMax;
      double term = Math.abs(coefficient * power[widest]);
      if (term == 0.0 || (rho < 1.0 && term * rho / (1.0 - rho) <= 1e-15 * Math.abs(sum[widest]))) {
        break;
      }
    }
    double pAlive = probabilityAlive(x, tx, T);
    double front = (aa + b + x - 1.0) / (aa - 1.0);
    double[] out = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      double logPower = lower * Math.log1p(-z[i]);
      double bracket =
          sum[i] > 0 ? -Math.expm1(logPower + Math.log(sum[i])) : 1.0 - Math.exp(logPower) * sum[i];
      out[i] = Math.max(0.0, front * bracket * pAlive);
    }
    return out;
  }

  /**
   * P(no purchase in (T, T+t] | x, tx, T). Death happens only right after a purchase, so a customer
   * alive at T makes no purchase in the window exactly when the Poisson clock does not ring; given
   * alive, lambda ~ Gamma(r+x, alpha+T), so P(Y(t)=0 | alive) = ((alpha+T)/(alpha+T+ t))^(r+x) and
   * P(Y(t)=0) = 1 - P(alive) (1 - ((alpha+T)/(alpha+T+t))^(r+x)).
   */
  @Override
  public double probabilityNoPurchase(double t, int x, double tx, double T) {
    double somePurchaseIfAlive = -Math.expm1(-(r + x) * Math.log1p(t / (alpha + T)));
    return 1.0 - probabilityAlive(x, tx, T) * somePurchaseIfAlive;
  }

  @Override
  public double unconditionalExpectedPurchases(double t) {
    return expectedPurchases(t, 0, 0.0, 0.0);
  }

  /**
   * Eq. 8 of the paper. The bracket 1 - sum_{j&lt;n} NBD(j) is the NBD upper tail, taken as the
   * regularized incomplete beta I_{t/(alpha+t)}(n, r) so it keeps its precision for large n.
   */
  @Override
  public double probabilityOfPurchasesOverPositiveTime(int n, double t) {
    double logBetaAB = Beta.logBeta(a, b);
    double logAliveTerm =
        Beta.logBeta(a, b + n)
            - logBetaAB
            + Gamma.logGamma(r + n)
            - Gamma.logGamma(r)
            - Gamma.logGamma(n + 1.0)
            + r * Math.log(alpha / (alpha + t))
            + n * Math.log(t / (alpha + t));
    double probability = Math.exp(logAliveTerm);
    if (n > 0) {
      double tail = Beta.regularizedBeta(t / (alpha + t), n, r);
      probability += Math.exp(Beta.logBeta(a + 1.0, b + n - 1.0) - logBetaAB) * tail;
    }
    return probability;
  }
}
