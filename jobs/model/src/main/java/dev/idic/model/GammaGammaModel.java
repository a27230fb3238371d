package dev.idic.model;

import java.io.Serializable;
import java.util.List;
import org.apache.commons.math3.special.Gamma;

/**
 * The Gamma-Gamma spend model (Fader, Hardie and Lee 2005, "RFM and CLV: using iso-value curves for
 * customer base analysis"; Fader and Hardie, note 025): a repeat buyer's transaction values are
 * Gamma(p, nu) with nu ~ Gamma(q, v) across customers, independent of the purchase process.
 *
 * @param p shape of the transaction value distribution
 * @param q shape of the mixing distribution
 * @param v scale of the mixing distribution (a currency amount)
 */
public record GammaGammaModel(double p, double q, double v) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Parameter names, in the order of the record components. */
  public static final List<String> PARAMETERS = List.of("p", "q", "v");

  public GammaGammaModel {
    ModelParameters.requireFinitePositive("Gamma-Gamma", PARAMETERS, p, q, v);
  }

  /** Whether the population mean spend v p / (q - 1) exists (q &gt; 1). */
  public boolean hasFiniteMean() {
    return q > 1.0;
  }

  /**
   * E[M] = v p / (q - 1), the expected average value of a customer without repeat purchases.
   *
   * @throws IllegalStateException when q &lt;= 1 (the mean is infinite)
   */
  public double populationMeanValue() {
    if (!hasFiniteMean()) {
      throw new IllegalStateException(
          "Gamma-Gamma q="
              + q
              + " <= 1: the population mean spend is infinite; refit or use a"
              + " penalizer");
    }
    return v * p / (q - 1.0);
  }

  /**
   * E[M | x, mean repeat value m] = p (v + x m) / (p x + q - 1): a weighted mean of the population
   * mean and the customer's own mean. Customers without repeat purchases, and repeat buyers whose
   * mean is not positive (net returns), get the population mean and p v / (p x + q - 1)
   * respectively, so no output is negative or undefined.
   */
  public double conditionalExpectedAverageValue(int x, double m) {
    if (x == 0) {
      return populationMeanValue();
    }
    return p * (v + x * Math.max(m, 0.0)) / (p * x + q - 1.0);
  }

  /**
   * Log-likelihood of one repeat buyer's mean value m over x repeat purchases (x &gt; 0, m &gt; 0).
   */
  public double logLikelihood(int x, double m) {
    double px = p * x;
    return Gamma.logGamma(px + q)
        - Gamma.logGamma(px)
        - Gamma.logGamma(q)
        + q * Math.log(v)
        + (px - 1.0) * Math.log(m)
        + px * Math.log(x)
        - (px + q) * Math.log(x * m + v);
  }
}
