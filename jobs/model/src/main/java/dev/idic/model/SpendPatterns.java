package dev.idic.model;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Repeat buyers' spend as (frequency, mean repeat value, weight) rows, the input of the Gamma-Gamma
 * fit. Only customers with frequency &gt; 0 and a positive mean belong here.
 */
public final class SpendPatterns implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int[] frequency;
  private final double[] meanValue;
  private final double[] weight;

  private SpendPatterns(int[] frequency, double[] meanValue, double[] weight) {
    this.frequency = frequency;
    this.meanValue = meanValue;
    this.weight = weight;
  }

  /**
   * @throws IllegalArgumentException naming the first row with frequency &lt;= 0, a non-positive
   *     mean value, or a non-positive weight
   */
  public static SpendPatterns of(int[] frequency, double[] meanValue, double[] weight) {
    int n = frequency.length;
    if (meanValue.length != n || weight.length != n) {
      throw new IllegalArgumentException("spend arrays differ in length");
    }
    for (int i = 0; i < n; i++) {
      if (!(frequency[i] > 0
          && meanValue[i] > 0
          && Double.isFinite(meanValue[i])
          && weight[i] > 0
          && Double.isFinite(weight[i]))) {
        throw new IllegalArgumentException(
            "invalid spend row "
                + i
                + ": frequency="
                + frequency[i]
                + " monetary_value="
                + meanValue[i]
                + " weight="
                + weight[i]
                + "; Gamma-Gamma is fitted on repeat buyers (frequency > 0) with a positive mean"
                + " value");
      }
    }
    return new SpendPatterns(frequency.clone(), meanValue.clone(), weight.clone());
  }

  /** One row per customer, weight 1. */
  public static SpendPatterns ofCustomers(int[] frequency, double[] meanValue) {
    double[] ones = new double[frequency.length];
    Arrays.fill(ones, 1.0);
    return of(frequency, meanValue, ones);
  }

  public int size() {
    return frequency.length;
  }

  public int frequency(int i) {
    return frequency[i];
  }

  public double meanValue(int i) {
    return meanValue[i];
  }

  public double weight(int i) {
    return weight[i];
  }

  public double customers() {
    return Arrays.stream(weight).sum();
  }
}
