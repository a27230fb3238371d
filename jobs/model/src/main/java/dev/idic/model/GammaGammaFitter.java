package dev.idic.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.special.Gamma;

/**
 * Maximum likelihood fit of {@link GammaGammaModel} on repeat buyers, with the analytic gradient.
 * The Gamma-function terms depend on the frequency only and are evaluated once per distinct
 * frequency; per customer only ln(x m + v) remains. Start point p = q = v = 1 as in lifetimes.
 */
public final class GammaGammaFitter {

  private GammaGammaFitter() {}

  public static ModelFit<GammaGammaModel> fit(SpendPatterns spend, FitOptions options) {
    if (spend.size() == 0) {
      throw new IllegalArgumentException(
          "no repeat buyers (frequency > 0 and a positive mean repeat value) to fit Gamma-Gamma"
              + " on; the spend model needs customers with at least two purchase days");
    }
    Likelihood likelihood = new Likelihood(spend);
    ModelFit<GammaGammaModel> fit =
        LikelihoodFit.run(
            "gamma_gamma",
            GammaGammaModel.PARAMETERS,
            likelihood,
            new double[3],
            likelihood.customers,
            spend.size(),
            options,
            theta ->
                new GammaGammaModel(Math.exp(theta[0]), Math.exp(theta[1]), Math.exp(theta[2])),
            1.0,
            new boolean[3],
            0.0);
    if (!fit.model().hasFiniteMean()) {
      List<String> warnings = new ArrayList<>(fit.warnings());
      warnings.add("q = " + fit.model().q() + " <= 1: the population mean spend is infinite");
      return new ModelFit<>(
          fit.model(),
          fit.modelName(),
          fit.parameterNames(),
          fit.estimates(),
          fit.standardErrors(),
          fit.logLikelihood(),
          fit.customers(),
          fit.patterns(),
          fit.iterations(),
          fit.status(),
          true,
          fit.fitSeconds(),
          fit.penalizer(),
          warnings,
          fit.degeneracies());
    }
    return fit;
  }

  /**
   * ll = ln G(px+q) - ln G(px) - ln G(q) + q ln v + (px-1) ln m + px ln x - (px+q) ln(xm+v) (Fader,
   * Hardie and Lee 2005, "RFM and CLV", eq. 3 integrated over nu).
   */
  private static final class Likelihood implements QuasiNewton.Objective {
    private final int[] distinctFrequency;
    private final double[] weightPerFrequency;
    private final double[] weightedLogMeanPerFrequency;
    private final int[] frequency;
    private final double[] spend;
    private final double[] weight;
    private final double customers;

    Likelihood(SpendPatterns patterns) {
      int n = patterns.size();
      frequency = new int[n];
      spend = new double[n];
      weight = new double[n];
      Map<Integer, double[]> perFrequency = new HashMap<>();
      double total = 0;
      for (int i = 0; i < n; i++) {
        frequency[i] = patterns.frequency(i);
        spend[i] = frequency[i] * patterns.meanValue(i);
        weight[i] = patterns.weight(i);
        total += weight[i];
        double[] sums = perFrequency.computeIfAbsent(frequency[i], k -> new double[2]);
        sums[0] += weight[i];
        sums[1] += weight[i] * Math.log(patterns.meanValue(i));
      }
      customers = total;
      distinctFrequency = perFrequency.keySet().stream().mapToInt(Integer::intValue).toArray();
      weightPerFrequency = new double[distinctFrequency.length];
      weightedLogMeanPerFrequency = new double[distinctFrequency.length];
      for (int k = 0; k < distinctFrequency.length; k++) {
        double[] sums = perFrequency.get(distinctFrequency[k]);
        weightPerFrequency[k] = sums[0];
        weightedLogMeanPerFrequency[k] = sums[1];
      }
    }

    @Override
    public double evaluate(double[] theta, double[] gradient) {
      double p = Math.exp(theta[0]);
      double q = Math.exp(theta[1]);
      double v = Math.exp(theta[2]);
      double logV = Math.log(v);
      double logGammaQ = Gamma.logGamma(q);
      double digammaQ = Gamma.digamma(q);
      double ll = 0;
      double dp = 0;
      double dq = 0;
      double dv = 0;
      for (int k = 0; k < distinctFrequency.length; k++) {
        int x = distinctFrequency[k];
        double px = p * x;
        double w = weightPerFrequency[k];
        double sumLogMean = weightedLogMeanPerFrequency[k];
        double logX = Math.log(x);
        double digammaPxq = Gamma.digamma(px + q);
        ll +=
            w * (Gamma.logGamma(px + q) - Gamma.logGamma(px) - logGammaQ + q * logV + px * logX)
                + (px - 1.0) * sumLogMean;
        dp += w * x * (digammaPxq - Gamma.digamma(px) + logX) + x * sumLogMean;
        dq += w * (digammaPxq - digammaQ + logV);
        dv += w * q / v;
      }
      for (int i = 0; i < frequency.length; i++) {
        double x = frequency[i];
        double w = weight[i];
        double base = spend[i] + v;
        double logBase = Math.log(base);
        double shape = p * x + q;
        ll -= w * shape * logBase;
        dp -= w * x * logBase;
        dq -= w * logBase;
        dv -= w * shape / base;
      }
      gradient[0] = -dp * p / customers;
      gradient[1] = -dq * q / customers;
      gradient[2] = -dv * v / customers;
      return -ll / customers;
    }
  }
}
