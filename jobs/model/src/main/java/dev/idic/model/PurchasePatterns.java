package dev.idic.model;

import java.io.Serializable;
import java.util.Arrays;

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

  /**
   * At most {@code max} patterns: every n-th in their order (which the caller keeps stable), with
   * their weights; these patterns themselves when there are not more than {@code max}.
   */
  public PurchasePatterns evenSample(int max) {
    if (size() <= max) {
      return this;
    }
    int step = (size() + max - 1) / max;
    int n = (size() + step - 1) / step;
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] t = new double[n];
    double[] w = new double[n];
    for (int j = 0; j < n; j++) {
      x[j] = frequency[j * step];
      tx[j] = recency[j * step];
      t[j] = age[j * step];
      w[j] = weight[j * step];
    }
    return new PurchasePatterns(x, tx, t, w);
  }

  /** Sum of weights: the number of customers. */
  public double customers() {
    return Arrays.stream(weight).sum();
  }

  /** Largest T; fitting divides times by it, as lifetimes does. */
  public double maxAge() {
    return Arrays.stream(age).max().orElse(0.0);
  }

  /**
   * Collects customers or patterns, merging identical histories. An open-addressing hash table on
   * primitive arrays: a million customers compress in a few tens of milliseconds, without boxing.
   */
  public static final class Builder {
    private int[] slots = new int[1 << 10];
    private int[] x = new int[512];
    private double[] tx = new double[512];
    private double[] age = new double[512];
    private double[] weight = new double[512];
    private int size;
    private int rows;

    public Builder add(int frequency, double recency, double T, double w) {
      validate(rows++, frequency, recency, T, w);
      // +0.0 and -0.0 are the same time; normalize so they hash alike.
      double r = recency + 0.0;
      double t = T + 0.0;
      int mask = slots.length - 1;
      int slot = hash(frequency, r, t) & mask;
      while (slots[slot] != 0) {
        int i = slots[slot] - 1;
        if (x[i] == frequency && tx[i] == r && age[i] == t) {
          weight[i] += w;
          return this;
        }
        slot = (slot + 1) & mask;
      }
      if (size == x.length) {
        x = Arrays.copyOf(x, 2 * size);
        tx = Arrays.copyOf(tx, 2 * size);
        age = Arrays.copyOf(age, 2 * size);
        weight = Arrays.copyOf(weight, 2 * size);
      }
      x[size] = frequency;
      tx[size] = r;
      age[size] = t;
      weight[size] = w;
      size++;
      slots[slot] = size;
      if (2 * size > slots.length) {
        rehash();
      }
      return this;
    }

    private static int hash(int frequency, double recency, double T) {
      long h = mix(frequency);
      h = mix(h ^ Double.doubleToLongBits(recency));
      h = mix(h ^ Double.doubleToLongBits(T));
      return (int) h;
    }

    /** MurmurHash3's 64-bit finalizer: every input bit reaches the low bits used as slot. */
    private static long mix(long h) {
      h ^= h >>> 33;
      h *= 0xFF51AFD7ED558CCDL;
      h ^= h >>> 33;
      h *= 0xC4CEB9FE1A85EC53L;
      return h ^ (h >>> 33);
    }

    private void rehash() {
      slots = new int[2 * slots.length];
      int mask = slots.length - 1;
      for (int i = 0; i < size; i++) {
        int slot = hash(x[i], tx[i], age[i]) & mask;
        while (slots[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        slots[slot] = i + 1;
      }
    }

    public PurchasePatterns build() {
      return new PurchasePatterns(
          Arrays.copyOf(x, size),
          Arrays.copyOf(tx, size),
          Arrays.copyOf(age, size),
          Arrays.copyOf(weight, size));
    }
  }
}
