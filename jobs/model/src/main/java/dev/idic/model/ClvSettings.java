package dev.idic.model;

import java.io.Serializable;

/**
 * How customer lifetime value is summed: over {@code months} months, each month's expected
 * purchases discounted at {@code monthlyDiscountRate}, with {@code periodsPerMonth} model time
 * units per month (4.345 for weeks, 30 for days, as lifetimes uses).
 */
public record ClvSettings(int months, double monthlyDiscountRate, double periodsPerMonth)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Periods per month lifetimes uses for weeks. */
  public static final double WEEKS_PER_MONTH = 4.345;

  /** Periods per month lifetimes uses for days. */
  public static final double DAYS_PER_MONTH = 30.0;

  public ClvSettings {
    if (months < 1 || !(monthlyDiscountRate > -1.0) || !(periodsPerMonth > 0)) {
      throw new IllegalArgumentException(
          "CLV needs months >= 1, discount rate > -1 and periods per month > 0, got months="
              + months
              + " discount="
              + monthlyDiscountRate
              + " periodsPerMonth="
              + periodsPerMonth);
    }
  }

  /** The horizon in model time units: months x periods per month. */
  public double horizon() {
    return months * periodsPerMonth;
  }

  /** Month ends in model time units: periodsPerMonth, 2 periodsPerMonth, ... */
  double[] monthEnds() {
    double[] ends = new double[months];
    for (int i = 0; i < months; i++) {
      ends[i] = (i + 1) * periodsPerMonth;
    }
    return ends;
  }
}
