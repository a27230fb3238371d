package dev.idic.model;

import org.apache.commons.math3.special.Gamma;

/**
 * Mean negative BG/NBD log-likelihood per customer on log parameters, with its analytic gradient.
 * Per customer ll = A1 + A2 + ln(e^A3 + [x&gt;0] e^A4) with A1 = ln G(r+x) - ln G(r) + r ln alpha,
 * A2 = ln B(a, b+x) - ln B(a, b), A3 = -(r+x) ln(alpha+T), A4 = ln a - ln(b+x-1) - (r+x)
 * ln(alpha+tx) (Fader, Hardie and Lee 2005, eq. 6). A1 and A2 depend on x only and are summed over
 * distinct frequencies; only the log-sum-exp runs per pattern.
 */
final class BgNbdLikelihood implements QuasiNewton.Objective {

  private final PatternIndex index;
  private final double[] logTime;
  private final double[] inverseTime;

  BgNbdLikelihood(PatternIndex index) {
    this.index = index;
    this.logTime = new double[index.distinctTime.length];
    this.inverseTime = new double[index.distinctTime.length];
  }

  @Override
  public double evaluate(double[] theta, double[] gradient) {
    double r = Math.exp(theta[0]);
    double alpha = Math.exp(theta[1]);
    double a = Math.exp(theta[2]);
    double b = Math.exp(theta[3]);
    double logAlpha = Math.log(alpha);
    double logA = Math.log(a);
    double ll = 0;
    double dr = 0;
    double dAlpha = 0;
    double da = 0;
    double db = 0;

    int[] xs = index.distinctFrequency;
    double[] logB1 = new double[xs.length];
    double[] invB1 = new double[xs.length];
    double logGammaR = Gamma.logGamma(r);
    double digammaR = Gamma.digamma(r);
    double logGammaB = Gamma.logGamma(b);
    double digammaB = Gamma.digamma(b);
    double logGammaAb = Gamma.logGamma(a + b);
    double digammaAb = Gamma.digamma(a + b);
    for (int k = 0; k < xs.length; k++) {
      int x = xs[k];
      double w = index.weightPerFrequency[k];
      double digammaAbx = Gamma.digamma(a + b + x);
      ll +=
          w
              * (Gamma.logGamma(r + x)
                  - logGammaR
                  + r * logAlpha
                  + logGammaAb
                  + Gamma.logGamma(b + x)
                  - logGammaB
                  - Gamma.logGamma(a + b + x));
      dr += w * (Gamma.digamma(r + x) - digammaR + logAlpha);
      dAlpha += w * r / alpha;
      da += w * (digammaAb - digammaAbx);
      db += w * (digammaAb + Gamma.digamma(b + x) - digammaB - digammaAbx);
      if (x > 0) {
        logB1[k] = Math.log(b + x - 1);
        invB1[k] = 1.0 / (b + x - 1);
      }
    }
    double[] times = index.distinctTime;
    for (int k = 0; k < times.length; k++) {
      logTime[k] = Math.log(alpha + times[k]);
      inverseTime[k] = 1.0 / (alpha + times[k]);
    }

    int[] frequencyIndex = index.frequencyIndex;
    int[] recencyIndex = index.recencyIndex;
    int[] ageIndex = index.ageIndex;
    double[] weight = index.weight;
    for (int i = 0; i < weight.length; i++) {
      int k = frequencyIndex[i];
      int x = xs[k];
      double w = weight[i];
      double rx = r + x;
      int iT = ageIndex[i];
      double a3 = -rx * logTime[iT];
      if (x == 0) {
        ll += w * a3;
        dr -= w * logTime[iT];
        dAlpha -= w * rx * inverseTime[iT];
        continue;
      }
      int iR = recencyIndex[i];
      double a4 = logA - logB1[k] - rx * logTime[iR];
      double diff = a4 - a3;
      double e = Math.exp(-Math.abs(diff));
      // e is in (0, 1]: Math.log(1 + e) is an intrinsic, log1p is not, and loses nothing here.
      double logSum = Math.max(a3, a4) + Math.log(1.0 + e);
      double w4 = diff > 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
      double w3 = 1.0 - w4;
      ll += w * logSum;
      dr -= w * (w3 * logTime[iT] + w4 * logTime[iR]);
      dAlpha -= w * rx * (w3 * inverseTime[iT] + w4 * inverseTime[iR]);
      da += w * w4 / a;
      db -= w * w4 * invB1[k];
    }
    double n = index.customers();
    gradient[0] = -dr * r / n;
    gradient[1] = -dAlpha * alpha / n;
    gradient[2] = -da * a / n;
    gradient[3] = -db * b / n;
    return -ll / n;
  }
}
