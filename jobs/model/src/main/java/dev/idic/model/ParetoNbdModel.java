package dev.idic.model;

import java.util.List;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.special.Gamma;

/**
 * The Pareto/NBD model (Schmittlein, Morrison and Colombo 1987): while alive a customer buys at
 * Poisson rate lambda ~ Gamma(r, alpha) and dies after an exponential lifetime with rate mu ~
 * Gamma(s, beta), independent of purchases.
 *
 * <p>Likelihood, P(alive) and the conditional expectation follow Fader and Hardie (2005), "A note
 * on deriving the Pareto/NBD model and related expressions", written with the integral {@code I(tx,
 * T) = int_tx^T (alpha+u)^-(r+x) (beta+u)^-(s+1) du} (their s/(r+s+x) A0 equals s I), which {@link
 * Numerics#logPowerProductIntegral} evaluates in log space through 2F1. Everything stays finite for
 * large x because nothing is exponentiated before the log-sum-exp.
 *
 * @param r shape of the purchase rate distribution
 * @param alpha scale of the purchase rate distribution, in the model's time unit
 * @param s shape of the dropout rate distribution
 * @param beta scale of the dropout rate distribution, in the model's time unit
 */
public record ParetoNbdModel(double r, double alpha, double s, double beta)
    implements PurchaseModel {

  private static final long serialVersionUID = 1L;

  /** Parameter names, in the order of the record components. */
  public static final List<String> PARAMETERS = List.of("r", "alpha", "s", "beta");

  public ParetoNbdModel {
    ModelParameters.requireFinitePositive("Pareto/NBD", PARAMETERS, r, alpha, s, beta);
  }

  @Override
  public double logLikelihood(int x, double tx, double T) {
    double front =
        Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
    return front + Numerics.logAddExp(logAliveTerm(x, T), logDeadTerm(x, tx, T));
  }

  /** ln of (alpha+T)^-(r+x) (beta+T)^-s: the history with the customer alive at T. */
  double logAliveTerm(int x, double T) {
    return -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  }

  /** ln of s I(tx, T): the history with death between tx and T. */
  double logDeadTerm(int x, double tx, double T) {
    return Math.log(s) + Numerics.logPowerProductIntegral(r + x, alpha, s + 1.0, beta, tx, T);
  }

  @Override
  public double probabilityAlive(int x, double tx, double T) {
    return Numerics.logisticOfMinus(logDeadTerm(x, tx, T) - logAliveTerm(x, T));
  }

  /**
   * E[Y(t) | x, tx, T] = P(alive) (r+x)(beta+T) / ((alpha+T)(s-1)) [1 -
   * ((beta+T)/(beta+T+t))^(s-1)], with the limit -(r+x)(beta+T)/(alpha+T) ln((beta+T)/(beta+T+t))
   * at s = 1.
   */
  @Override
  public double expectedPurchases(double t, int x, double tx, double T) {
    return probabilityAlive(x, tx, T) * expectedIfAlive(t, r + x, alpha + T, beta + T);
  }

  private double expectedIfAlive(double t, double shape, double rateScale, double deathScale) {
    double logRatio = -Math.log1p(t / deathScale);
    double sMinusOne = s - 1.0;
    double integral = sMinusOne == 0.0 ? -logRatio : -Math.expm1(sMinusOne * logRatio) / sMinusOne;
    return shape * deathScale / rateScale * integral;
  }

  /**
   * P(no purchase in (T, T+t] | x, tx, T). Given alive at T the posterior is lambda ~ Gamma(r+x,
   * alpha+T) and mu ~ Gamma(s, beta+T), independent. No purchase happens exactly when the first
   * purchase time exceeds m = min(remaining lifetime, t), so P(Y=0 | alive) = E[e^(-lambda m)] =
   * (A/(A+t))^(r+x) (B/(B+t))^s + s A^(r+x) B^s int_0^t (A+u)^-(r+x) (B+u)^-(s+1) du with A =
   * alpha+T, B = beta+T (the lifetime is Lomax(s, B)). Then P(Y=0) = 1 - P(alive)(1 - P(Y=0 |
   * alive)).
   */
  @Override
  public double probabilityNoPurchase(double t, int x, double tx, double T) {
    if (t == 0) {
      return 1.0;
    }
    double shape = r + x;
    double rateScale = alpha + T;
    double deathScale = beta + T;
    double logSurvives = -shape * Math.log1p(t / rateScale) - s * Math.log1p(t / deathScale);
    double logDiesFirst =
        Math.log(s)
            + shape * Math.log(rateScale)
            + s * Math.log(deathScale)
            + Numerics.logPowerProductIntegral(shape, rateScale, s + 1.0, deathScale, 0.0, t);
    double noPurchaseIfAlive =
        Math.min(1.0, Math.exp(Numerics.logAddExp(logSurvives, logDiesFirst)));
    return 1.0 - probabilityAlive(x, tx, T) * (1.0 - noPurchaseIfAlive);
  }

  /** E[X(t)] = r beta / (alpha (s-1)) [1 - (beta/(beta+t))^(s-1)]. */
  @Override
  public double unconditionalExpectedPurchases(double t) {
    return expectedIfAlive(t, r, alpha, beta);
  }

  /**
   * P(X(t) = n) for a new customer. With lifetime L ~ Lomax(s, beta), purchases up to min(L, t) are
   * NBD(r, alpha) counts, so P(X(t)=n) = (beta/(beta+t))^s NBD_n(t) + int_0^t NBD_n(u) s beta^s
   * (beta+u)^-(s+1) du. The closed form in Fader and Hardie's note needs a sum of n hypergeometric
   * terms with alternating signs; the integral of a smooth positive integrand is evaluated here by
   * adaptive Gauss-Legendre quadrature instead, to a relative 1e-10.
   */
  @Override
  public double probabilityOfPurchasesOverPositiveTime(int n, double t) {
    double logCount = Gamma.logGamma(r + n) - Gamma.logGamma(r) - Gamma.logGamma(n + 1.0);
    double survived = Math.exp(-s * Math.log1p(t / beta) + logNbd(logCount, n, t));
    IterativeLegendreGaussIntegrator integrator =
        new IterativeLegendreGaussIntegrator(16, 1e-10, 1e-15);
    double died =
        integrator.integrate(
            100_000,
            u ->
                u == 0
                    ? (n == 0 ? s / beta : 0.0)
                    : Math.exp(
                        logNbd(logCount, n, u)
                            + Math.log(s / beta)
                            - (s + 1.0) * Math.log1p(u / beta)),
            0.0,
            t);
    return survived + died;
  }

  private double logNbd(double logCount, int n, double u) {
    double logTail = n == 0 ? 0.0 : n * Math.log(u / (alpha + u));
    return logCount - r * Math.log1p(u / alpha) + logTail;
  }
}
