package dev.idic.model;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * Scores customers with a fitted purchase model and Gamma-Gamma model. Serializable and without
 * mutable state, so one instance can be shipped to every Spark executor; {@link #newCache()} gives
 * a per-thread memo for scoring many customers that share histories.
 *
 * <p>CLV is computed exactly as lifetimes does ({@code utils._customer_lifetime_value}): CLV =
 * sum_{i=1..months} m [E(N(i f)) - E(N((i-1) f))] / (1 + d)^i with E the conditional expected
 * purchases, f the periods per month, d the monthly discount rate and m the Gamma-Gamma expected
 * average value. m does not depend on i, so CLV = m times the pattern's discounted purchases. The
 * expected purchases reported are those over the same horizon (months f).
 */
public record CustomerScorer(
    PurchaseModel purchaseModel, GammaGammaModel spendModel, ClvSettings clvSettings)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Everything that depends on the purchase history only. */
  public PatternScore scorePattern(int x, double tx, double T) {
    double[] cumulative = purchaseModel.expectedPurchases(clvSettings.monthEnds(), x, tx, T);
    double discounted = 0.0;
    double previous = 0.0;
    double discount = 1.0;
    for (double expected : cumulative) {
      discount /= 1.0 + clvSettings.monthlyDiscountRate();
      discounted += (expected - previous) * discount;
      previous = expected;
    }
    return new PatternScore(
        purchaseModel.probabilityAlive(x, tx, T),
        previous,
        purchaseModel.probabilityNoPurchase(clvSettings.horizon(), x, tx, T),
        discounted);
  }

  /** A customer's scores from its pattern's scores and its spend. */
  public CustomerScore score(PatternScore pattern, int x, double monetaryValue) {
    double value = spendModel.conditionalExpectedAverageValue(x, monetaryValue);
    return new CustomerScore(
        pattern.probabilityAlive(),
        pattern.expectedPurchases(),
        pattern.probabilityNoPurchase(),
        value,
        value * pattern.discountedPurchases());
  }

  public CustomerScore score(int x, double tx, double T, double monetaryValue) {
    return score(scorePattern(x, tx, T), x, monetaryValue);
  }

  /** A memo of pattern scores for one thread (one Spark partition); not thread-safe. */
  public Cache newCache() {
    return new Cache(this);
  }

  /**
   * Remembers pattern scores so customers sharing a history are scored once. Bounded: it starts
   * afresh after {@link #MAX_ENTRIES} patterns, so memory stays flat on any partition size.
   */
  public static final class Cache {
    /** Patterns remembered at most. */
    public static final int MAX_ENTRIES = 200_000;

    private record Key(int x, double tx, double T) {}

    private final CustomerScorer scorer;
    private final Map<Key, PatternScore> scores = new HashMap<>();

    private Cache(CustomerScorer scorer) {
      this.scorer = scorer;
    }

    public CustomerScore score(int x, double tx, double T, double monetaryValue) {
      Key key = new Key(x, tx + 0.0, T + 0.0);
      PatternScore pattern = scores.get(key);
      if (pattern == null) {
        if (scores.size() >= MAX_ENTRIES) {
          scores.clear();
        }
        pattern = scorer.scorePattern(x, tx, T);
        scores.put(key, pattern);
      }
      return scorer.score(pattern, x, monetaryValue);
    }
  }
}
