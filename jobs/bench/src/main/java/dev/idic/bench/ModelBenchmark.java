package dev.idic.bench;

import dev.idic.model.BgNbdFitter;
import dev.idic.model.BgNbdModel;
import dev.idic.model.ClvSettings;
import dev.idic.model.CustomerScorer;
import dev.idic.model.FitOptions;
import dev.idic.model.GammaGammaFitter;
import dev.idic.model.GammaGammaModel;
import dev.idic.model.ModelFit;
import dev.idic.model.PurchasePatterns;
import dev.idic.model.SimulatedCustomers;
import dev.idic.model.SpendPatterns;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Times the model layer on simulated customers: compression to distinct patterns, the BG/NBD fit,
 * the Gamma-Gamma fit and scoring every customer (P(alive), expected purchases, P(no purchase),
 * expected value, 12-month CLV). Customers are drawn from known parameters in days, with a cohort
 * spread over one year and times floored to whole days as the features stage produces them. One
 * warm-up round lets the JIT compile the hot loops; then three timed rounds, median reported.
 */
public final class ModelBenchmark {

  private static final BgNbdModel PURCHASES = new BgNbdModel(0.25, 30.0, 0.8, 2.5);
  private static final GammaGammaModel SPEND = new GammaGammaModel(6.0, 3.8, 15.0);
  private static final ClvSettings CLV = new ClvSettings(12, 0.01, ClvSettings.DAYS_PER_MONTH);
  private static final int ROUNDS = 3;

  private ModelBenchmark() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    System.out.printf(Locale.ROOT, "simulating %,d customers (seed 42)...%n", n);
    double[] ages = IntStream.range(0, n).mapToDouble(i -> 1 + (i % 365)).toArray();
    SimulatedCustomers drawn = SimulatedCustomers.draw(PURCHASES, SPEND, ages, 42L);
    int[] x = drawn.frequency();
    double[] tx = new double[n];
    for (int i = 0; i < n; i++) {
      tx[i] = Math.floor(drawn.recency()[i]);
    }
    double[] age = drawn.T();
    double[] m = drawn.meanValue();
    int[] repeaters = IntStream.range(0, n).filter(i -> x[i] > 0).toArray();
    int[] repeatX = IntStream.of(repeaters).map(i -> x[i]).toArray();
    double[] repeatM = IntStream.of(repeaters).mapToDouble(i -> m[i]).toArray();

    double[][] seconds = new double[5][ROUNDS + 1];
    double[][] cpuSeconds = new double[4][ROUNDS + 1];
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    ModelFit<BgNbdModel> bgFit = null;
    ModelFit<GammaGammaModel> ggFit = null;
    int patterns = 0;
    for (int round = 0; round <= ROUNDS; round++) {
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      PurchasePatterns compressed = PurchasePatterns.compress(x, tx, age);
      long t1 = System.nanoTime();
      long c1 = threads.getCurrentThreadCpuTime();
      bgFit = BgNbdFitter.fit(compressed, FitOptions.defaults());
      long t2 = System.nanoTime();
      long c2 = threads.getCurrentThreadCpuTime();
      ggFit =
          GammaGammaFitter.fit(SpendPatterns.ofCustomers(repeatX, repeatM), FitOptions.defaults());
      long t3 = System.nanoTime();
      long c3 = threads.getCurrentThreadCpuTime();
      CustomerScorer scorer = new CustomerScorer(bgFit.requireUsable(), ggFit.requireUsable(), CLV);
      CustomerScorer.Cache cache = scorer.newCache();
      double checksum = 0;
      for (int i = 0; i < n; i++) {
        checksum += cache.score(x[i], tx[i], age[i], m[i]).clv();
      }
      long t4 = System.nanoTime();
      long c4 = threads.getCurrentThreadCpuTime();
      // Two halves on two threads, each with its own cache, as two Spark partitions would.
      double parallelChecksum =
          IntStream.range(0, 2)
              .parallel()
              .mapToDouble(
                  half -> {
                    CustomerScorer.Cache own = scorer.newCache();
                    double sum = 0;
                    for (int i = half * n / 2; i < (half + 1) * n / 2; i++) {
                      sum += own.score(x[i], tx[i], age[i], m[i]).clv();
                    }
                    return sum;
                  })
              .sum();
      long t5 = System.nanoTime();
      if (Math.abs(parallelChecksum - checksum) > 1e-6 * Math.abs(checksum)) {
        throw new IllegalStateException("parallel scoring disagrees with sequential scoring");
      }
      patterns = compressed.size();
      seconds[0][round] = (t1 - t0) / 1e9;
      seconds[1][round] = (t2 - t1) / 1e9;
      seconds[2][round] = (t3 - t2) / 1e9;
      seconds[3][round] = (t4 - t3) / 1e9;
      seconds[4][round] = (t5 - t4) / 1e9;
      cpuSeconds[0][round] = (c1 - c0) / 1e9;
      cpuSeconds[1][round] = (c2 - c1) / 1e9;
      cpuSeconds[2][round] = (c3 - c2) / 1e9;
      cpuSeconds[3][round] = (c4 - c3) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "%s: compress %.3f s, bgnbd %.3f s, gamma-gamma %.3f s, score %.3f s, score (2 threads) %.3f s%n",
          round == 0 ? "warm-up" : "round " + round,
          seconds[0][round],
          seconds[1][round],
          seconds[2][round],
          seconds[3][round],
          seconds[4][round]);
    }
    System.out.printf(
        Locale.ROOT,
        "%n%,d customers, %,d distinct (frequency, recency, T) patterns, %,d repeat buyers%n",
        n,
        patterns,
        repeaters.length);
    printFit("BG/NBD", PURCHASES, bgFit);
    printFit("GG", SPEND, ggFit);
    System.out.println();
    String[] steps = {
      "(a) compression to patterns",
      "(b) BG/NBD fit",
      "(c) Gamma-Gamma fit",
      "(d) scoring, 1 thread",
      "(d) scoring, 2 threads"
    };
    System.out.printf(
        Locale.ROOT,
        "| %-28s | %13s | %11s | %12s |%n",
        "step",
        "median wall s",
        "best wall s",
        "median CPU s");
    System.out.printf(
        Locale.ROOT,
        "|%s|%s|%s|%s|%n",
        "-".repeat(30),
        "-".repeat(15),
        "-".repeat(13),
        "-".repeat(14));
    for (int s = 0; s < steps.length; s++) {
      double[] timed = java.util.Arrays.copyOfRange(seconds[s], 1, ROUNDS + 1);
      java.util.Arrays.sort(timed);
      String cpu = "-";
      if (s < cpuSeconds.length) {
        double[] used = java.util.Arrays.copyOfRange(cpuSeconds[s], 1, ROUNDS + 1);
        java.util.Arrays.sort(used);
        cpu = String.format(Locale.ROOT, "%.3f", used[ROUNDS / 2]);
      }
      System.out.printf(
          Locale.ROOT,
          "| %-28s | %13.3f | %11.3f | %12s |%n",
          steps[s],
          timed[ROUNDS / 2],
          timed[0],
          cpu);
    }
    System.out.printf(
        Locale.ROOT,
        "%nload average at the end: %.1f on %d cores (wall above CPU means other processes ran)%n",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
  }

  private static void printFit(String label, Object truth, ModelFit<?> fit) {
    StringBuilder estimates = new StringBuilder();
    for (int k = 0; k < fit.estimates().length; k++) {
      estimates.append(
          String.format(Locale.ROOT, "%s=%.4g ", fit.parameterNames().get(k), fit.estimates()[k]));
    }
    System.out.printf(
        Locale.ROOT,
        "%-7s true %s%n        fit  %s LL=%.1f  iterations=%d  %s%n",
        label,
        truth,
        estimates,
        fit.logLikelihood(),
        fit.iterations(),
        fit.status());
  }
}
