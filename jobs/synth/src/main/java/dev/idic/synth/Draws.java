package dev.idic.synth;

import java.util.SplittableRandom;

/**
 * Random draws for one customer and one purpose. Each (seed, customer, stream) triple gets its own
 * generator, so a customer's rows do not depend on the partition it lands in, and switching one
 * output off (or changing the bad-row rate) does not change the others.
 */
final class Draws {

  /** Independent purposes; adding one must not renumber the others. */
  enum Stream {
    PURCHASES(1),
    CONTACTS(2),
    PROFILE(3),
    DEFECTS(4),
    WALLET(5),
    INTERACTION_DEFECTS(6),
    RETAIL(7);

    private final long salt;

    Stream(long salt) {
      this.salt = salt;
    }
  }

  private final SplittableRandom random;

  private Draws(long seed) {
    this.random = new SplittableRandom(seed);
  }

  static Draws of(long seed, long customer, Stream stream) {
    long mixed = mix(mix(seed) ^ (customer * 0x9E3779B97F4A7C15L));
    return new Draws(mix(mixed + stream.salt * 0xBF58476D1CE4E5B9L));
  }

  /** SplitMix64 finaliser: spreads nearby seeds over the whole state space. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  double uniform() {
    return random.nextDouble();
  }

  double uniform(double from, double to) {
    return from + (to - from) * random.nextDouble();
  }

  /** Uniform integer in [from, to]. */
  int between(int from, int to) {
    return random.nextInt(from, to + 1);
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  double exponential(double mean) {
    return mean * random.nextExponential();
  }

  double logNormal(double median, double sigma) {
    return median * Math.exp(sigma * random.nextGaussian());
  }

  /** Gamma with the given shape and rate (Marsaglia and Tsang; boosted for shape below 1). */
  double gamma(double shape, double rate) {
    if (shape < 1) {
      return gamma(shape + 1, rate) * Math.pow(random.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = random.nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = random.nextDouble();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
        return d * v / rate;
      }
    }
  }

  double beta(double a, double b) {
    double x = gamma(a, 1);
    return x / (x + gamma(b, 1));
  }

  /** Number of trials up to and including the first success. */
  int trialsUntilSuccess(double probability) {
    if (probability >= 1) {
      return 1;
    }
    double trials = Math.floor(Math.log(1 - random.nextDouble()) / Math.log1p(-probability)) + 1;
    return trials > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) trials;
  }

  /** One of {@code values}, chosen with the given weights (which need not sum to one). */
  <T> T pick(T[] values, double[] weights) {
    double total = 0;
    for (double weight : weights) {
      total += weight;
    }
    double u = random.nextDouble() * total;
    for (int i = 0; i < values.length - 1; i++) {
      u -= weights[i];
      if (u < 0) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }

  <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }
}
