package dev.idic.model;

import java.io.Serializable;

/**
 * Scores customers with a fitted purchase model and Gamma-Gamma model. Serializable and without
 * mutable state, so one instance can be shipped to every Spark executor.
 *
 * <p>CLV is computed exactly as lifetimes does ({@code utils._customer_lifetime_value}): CLV =
 * sum_{i=1..months} m [E(N(i f)) - E(N((i-1) f))] / (1 + d)^i with E the conditional expected
 * purchases, f the periods per month, d the monthly discount rate and m the Gamma-Gamma expected
 * average value. The expected purchases reported are those over the same horizon (months f).
 */
public record CustomerScorer(
    PurchaseModel purchaseModel, GammaGammaModel spendModel, ClvSettings clvSettings)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public CustomerScore score(int x, double tx, double T, double monetaryValue) {
    double[] cumulative = purchaseModel.expectedPurchases(clvSettings.monthEnds(), x, tx, T);
    double value = spendModel.conditionalExpectedAverageValue(x, monetaryValue);
    double clv = 0.0;
    double previous = 0.0;
    double discount = 1.0;
    for (double expected : cumulative) {
      discount /= 1.0 + clvSettings.monthlyDiscountRate();
      clv += value * (expected - previous) * discount;
      previous = expected;
    }
    return new CustomerScore(
        purchaseModel.probabilityAlive(x, tx, T),
        previous,
        purchaseModel.probabilityNoPurchase(clvSettings.horizon(), x, tx, T),
        value,
        clv);
  }
}
