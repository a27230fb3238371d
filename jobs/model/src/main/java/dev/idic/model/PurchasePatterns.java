package dev.idic.model;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Customer histories compressed to distinct (frequency, recency, T) patterns, each with the number
 * (weight) of customers sharing it. Fitting cost scales with the number of patterns, not of
 * customers.
 */
public final class PurchasePatterns implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int[] frequency;
  private final double[] recency;
  private final double[] age;
  private final double[] weight;

  private PurchasePatterns(int[] frequency, double[] recency, double[] age, double[] weight) {
    this.frequency = frequency;
    this.recency = recency;
    this.age = age;
    this.weight = weight;
  }

  /**
   * Patterns from parallel arrays (already distinct or not; duplicates are simply separate rows).
   *
   * @throws IllegalArgumentException naming the first row that is not a valid history
   */
  public static PurchasePatterns of(
      int[] frequency, double[] recency, double[] T, double[] weight) {
    int n = frequency.length;
    if (recency.length != n || T.length != n || weight.length != n) {
      throw new IllegalArgumentException("pattern arrays differ in length");
    }
    for (int i = 0; i < n; i++) {
      validate(i, frequency[i], recency[i], T[i], weight[i]);
    }
    return new PurchasePatterns(frequency.clone(), recency.clone(), T.clone(), weight.clone());
  }

  /** Compresses one row per customer into distinct patterns with counts. */
  public static PurchasePatterns compress(int[] frequency, double[] recency, double[] T) {
    Builder builder = new Builder();
    for (int i = 0; i < frequency.length; i++) {
      builder.add(frequency[i], recency[i], T[i], 1.0);
    }
    return builder.build();
  }

  private static void validate(int row, int x, double tx, double T, double w) {
    boolean valid =
        x >= 0
            && tx >= 0
            && tx <= T
            && Double.isFinite(T)
            && (x > 0 || tx == 0)
            && w > 0
            && Double.isFinite(w);
    if (!valid) {
      throw new IllegalArgumentException(
          "invalid purchase history at row "
              + row
              + ": frequency="
              + x
              + " recency="
              + tx
              + " T="
              + T
              + " weight="
              + w
              + "; need frequency >= 0, 0 <= recency <= T, recency = 0 when frequency = 0, and"
              + " a positive weight");
    }
  }

  public int size() {
    return frequency.length;
  }

  public int frequency(int i) {
    return frequency[i];
  }

  public double recency(int i) {
    return recency[i];
  }

  public double age(int i) {
    return age[i];
  }

  public double weight(int i) {
    return weight[i];
  }

  /** Sum of weights: the number of customers. */
  public double customers() {
    return Arrays.stream(weight).sum();
  }

  /** Largest T; fitting divides times by it, as lifetimes does. */
  public double maxAge() {
    return Arrays.stream(age).max().orElse(0.0);
  }

  /** Collects customers or patterns, merging identical histories. */
  public static final class Builder {
    private record Key(int x, double tx, double T) {}

    private final Map<Key, double[]> weights = new HashMap<>();
    private int rows;

    public Builder add(int x, double tx, double T, double weight) {
      validate(rows++, x, tx, T, weight);
      weights.computeIfAbsent(new Key(x, tx, T), k -> new double[1])[0] += weight;
      return this;
    }

    public PurchasePatterns build() {
      int n = weights.size();
      int[] x = new int[n];
      double[] tx = new double[n];
      double[] T = new double[n];
      double[] w = new double[n];
      int i = 0;
      for (Map.Entry<Key, double[]> e : weights.entrySet()) {
        x[i] = e.getKey().x();
        tx[i] = e.getKey().tx();
        T[i] = e.getKey().T();
        w[i] = e.getValue()[0];
        i++;
      }
      return new PurchasePatterns(x, tx, T, w);
    }
  }
}
