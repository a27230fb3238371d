package dev.idic.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Purchase patterns rearranged for fast likelihood evaluation: times divided by max(T) and replaced
 * by indices into the sorted distinct times (so ln(alpha + t) is computed once per distinct time,
 * not per pattern), frequencies replaced by indices into the distinct frequencies (so the
 * Gamma-function terms are computed once per distinct frequency), with the total weight per
 * distinct frequency.
 */
final class PatternIndex {

  final int[] distinctFrequency;
  final double[] weightPerFrequency;
  final double[] distinctTime;
  final int[] frequencyIndex;
  final int[] recencyIndex;
  final int[] ageIndex;
  final double[] weight;
  private final double timeScale;
  private final double customers;
  private final double totalFrequency;

  private PatternIndex(
      int[] distinctFrequency,
      double[] weightPerFrequency,
      double[] distinctTime,
      int[] frequencyIndex,
      int[] recencyIndex,
      int[] ageIndex,
      double[] weight,
      double timeScale) {
    this.distinctFrequency = distinctFrequency;
    this.weightPerFrequency = weightPerFrequency;
    this.distinctTime = distinctTime;
    this.frequencyIndex = frequencyIndex;
    this.recencyIndex = recencyIndex;
    this.ageIndex = ageIndex;
    this.weight = weight;
    this.timeScale = timeScale;
    double c = 0;
    double f = 0;
    for (int k = 0; k < distinctFrequency.length; k++) {
      c += weightPerFrequency[k];
      f += weightPerFrequency[k] * distinctFrequency[k];
    }
    this.customers = c;
    this.totalFrequency = f;
  }

  static PatternIndex of(PurchasePatterns patterns) {
    int n = patterns.size();
    if (n == 0) {
      throw new IllegalArgumentException("no customers to fit");
    }
    double maxAge = patterns.maxAge();
    double scale = maxAge > 0 ? maxAge : 1.0;
    double[] times = new double[2 * n];
    int[] xs = new int[n];
    for (int i = 0; i < n; i++) {
      times[2 * i] = patterns.recency(i);
      times[2 * i + 1] = patterns.age(i);
      xs[i] = patterns.frequency(i);
    }
    double[] distinctTime = Arrays.stream(times).sorted().distinct().toArray();
    int[] distinctFrequency = Arrays.stream(xs).sorted().distinct().toArray();
    Map<Integer, Integer> frequencyPosition = new HashMap<>();
    for (int k = 0; k < distinctFrequency.length; k++) {
      frequencyPosition.put(distinctFrequency[k], k);
    }
    int[] frequencyIndex = new int[n];
    int[] recencyIndex = new int[n];
    int[] ageIndex = new int[n];
    double[] weight = new double[n];
    double[] weightPerFrequency = new double[distinctFrequency.length];
    for (int i = 0; i < n; i++) {
      frequencyIndex[i] = frequencyPosition.get(xs[i]);
      recencyIndex[i] = Arrays.binarySearch(distinctTime, patterns.recency(i));
      ageIndex[i] = Arrays.binarySearch(distinctTime, patterns.age(i));
      weight[i] = patterns.weight(i);
      weightPerFrequency[frequencyIndex[i]] += weight[i];
    }
    double[] scaledTime = new double[distinctTime.length];
    for (int k = 0; k < scaledTime.length; k++) {
      scaledTime[k] = distinctTime[k] / scale;
    }
    return new PatternIndex(
        distinctFrequency,
        weightPerFrequency,
        scaledTime,
        frequencyIndex,
        recencyIndex,
        ageIndex,
        weight,
        scale);
  }

  double timeScale() {
    return timeScale;
  }

  double customers() {
    return customers;
  }

  double totalFrequency() {
    return totalFrequency;
  }

  int size() {
    return weight.length;
  }
}
