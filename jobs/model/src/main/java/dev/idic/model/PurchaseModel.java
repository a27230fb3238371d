package dev.idic.model;

import java.io.Serializable;

/**
 * A fitted repeat-purchase model (BG/NBD or Pareto/NBD) with its parameters, able to score one
 * customer history: {@code x} repeat purchases, the last at age {@code tx}, observed for {@code T},
 * all times in the unit the model was fitted in. Implementations are immutable and serializable so
 * Spark can ship them to executors.
 */
public interface PurchaseModel extends Serializable {

  /** Log-likelihood of one customer history. */
  double logLikelihood(int x, double tx, double T);

  /** P(the customer is still alive at T | x, tx, T). */
  double probabilityAlive(int x, double tx, double T);

  /** E[number of purchases in (T, T + t] | x, tx, T]. */
  double expectedPurchases(double t, int x, double tx, double T);

  /**
   * Conditional expected purchases at several horizons at once, {@code result[i]} for {@code t[i]};
   * models whose expectation is a series share the work between horizons.
   */
  default double[] expectedPurchases(double[] t, int x, double tx, double T) {
    double[] out = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      out[i] = expectedPurchases(t[i], x, tx, T);
    }
    return out;
  }

  /** P(no purchase in (T, T + t] | x, tx, T). */
  double probabilityNoPurchase(double t, int x, double tx, double T);

  /** E[X(t)]: expected purchases of a new customer in its first t periods after the first. */
  double unconditionalExpectedPurchases(double t);

  /** P(X(t) = n): probability of exactly n repeat purchases in a new customer's first t periods. */
  default double probabilityOfPurchases(int n, double t) {
    if (n < 0) {
      return 0.0;
    }
    if (t == 0) {
      return n == 0 ? 1.0 : 0.0;
    }
    return probabilityOfPurchasesOverPositiveTime(n, t);
  }

  /** {@link #probabilityOfPurchases} for n &ge; 0 and t &gt; 0, the model's own formula. */
  double probabilityOfPurchasesOverPositiveTime(int n, double t);
}
