package dev.idic.model;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Customers drawn from BG/NBD purchases and Gamma-Gamma spend with known parameters, for simulation
 * tests and benchmarks. Each customer has lambda ~ Gamma(r, rate alpha), p ~ Beta(a, b); after the
 * first purchase at time 0 it buys at Poisson rate lambda and after each repeat purchase drops out
 * with probability p, observed until T. A repeat buyer's purchase values are Gamma(p_gg, rate nu)
 * with nu ~ Gamma(q, rate v); meanValue is their mean (0 without repeat purchases).
 *
 * @param frequency repeat purchases
 * @param recency time of the last purchase
 * @param T observation length
 * @param meanValue mean repeat purchase value
 */
public record SimulatedCustomers(
    int[] frequency, double[] recency, double[] T, double[] meanValue) {

  /**
   * @param ages observation length of each customer (drawn by the caller, e.g. a cohort's spread)
   * @param seed random seed; the same seed gives the same customers
   */
  public static SimulatedCustomers draw(
      BgNbdModel purchases, GammaGammaModel spend, double[] ages, long seed) {
    RandomGenerator random = new Well19937c(seed);
    GammaDistribution rates = new GammaDistribution(random, purchases.r(), 1.0 / purchases.alpha());
    BetaDistribution dropouts = new BetaDistribution(random, purchases.a(), purchases.b());
    GammaDistribution spendRates = new GammaDistribution(random, spend.q(), 1.0 / spend.v());
    int n = ages.length;
    int[] frequency = new int[n];
    double[] recency = new double[n];
    double[] meanValue = new double[n];
    for (int i = 0; i < n; i++) {
      double lambda = rates.sample();
      double p = dropouts.sample();
      double t = 0;
      int x = 0;
      while (true) {
        t += -Math.log(1.0 - random.nextDouble()) / lambda;
        if (t > ages[i]) {
          break;
        }
        x++;
        recency[i] = t;
        if (random.nextDouble() < p) {
          break;
        }
      }
      frequency[i] = x;
      if (x > 0) {
        double nu = spendRates.sample();
        // The sum of x Gamma(p, nu) values is Gamma(p x, nu).
        double total = new GammaDistribution(random, spend.p() * x, 1.0 / nu).sample();
        meanValue[i] = total / x;
      }
    }
    return new SimulatedCustomers(frequency, recency, ages.clone(), meanValue);
  }

  public int size() {
    return frequency.length;
  }
}
