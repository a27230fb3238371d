package dev.idic.bench.pipeline;

import dev.idic.bench.pipeline.JobProcess.SizeMeasurement;
import dev.idic.synth.GeneratedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The pipeline benchmark: for each size, seeded synthetic data (generated once, cached), the full
 * nightly job through {@code idic run} in a fresh JVM, then DuckDB's RFM-only query on the same
 * files; figures per step and in total, written to {@code pipeline.md} and {@code pipeline.csv}. A
 * program, not a test: nothing asserts on time.
 */
@Command(
    name = "pipeline-benchmark",
    mixinStandardHelpOptions = true,
    description = "Times the full nightly job against a DuckDB RFM-only baseline.")
public final class PipelineBenchmark implements Callable<Integer> {

  @Option(
      names = "--sizes",
      split = ",",
      defaultValue = "1000000,10000000,50000000",
      description = "Transaction counts to run. Default: ${DEFAULT-VALUE}.")
  List<Long> sizes;

  @Option(names = "--seed", defaultValue = "20261122", description = "Generator seed.")
  long seed;

  @Option(names = "--as-of", defaultValue = "2026-11-22", description = "As-of date.")
  LocalDate asOf;

  @Option(
      names = "--home",
      defaultValue = ".",
      description = "Repository root (conf/idic.yaml, conf/log4j2.properties).")
  Path home;

  @Option(
      names = "--work-dir",
      defaultValue = "idic-work/bench",
      description = "Cached data (data/) and per-size runs (runs/), relative to --home.")
  Path workDir;

  @Option(
      names = "--results",
      defaultValue = "jobs/bench/results",
      description = "Where pipeline.md and pipeline.csv go, relative to --home.")
  Path results;

  @Option(
      names = "--heap",
      defaultValue = "5g",
      description = "-Xmx of the idic run JVM. Default: ${DEFAULT-VALUE}.")
  String heap;

  @Option(
      names = "--jvm-flags",
      defaultValue = "",
      description = "Spark's JVM flags (--add-opens ...) for the idic run JVM, space-separated.")
  String jvmFlags;

  @Option(
      names = "--spark-conf",
      description = "Extra Spark setting for the measured runs, key=value; repeatable.")
  Map<String, String> sparkConf = new LinkedHashMap<>();

  @Option(
      names = "--holdout",
      defaultValue = "0",
      description =
          "validation.holdout of the measured runs (the nightly backtest), in the shipped time"
              + " unit; 0 keeps conf/idic.yaml's. Default: ${DEFAULT-VALUE}.")
  int holdout;

  // Not a negatable option: picocli's --no-X of an option defaulting to true sets it to true.
  @Option(
      names = "--no-rank-comparison",
      description = "Skip comparing GlobalRank with NTILE on the largest size's customers.")
  boolean noRankComparison;

  @Option(
      names = "--generate-only",
      description = "Generate (or find) the data of every size, measure nothing.")
  boolean generateOnly;

  @Option(
      names = "--rank-only",
      description =
          "Only compare GlobalRank with NTILE, on the generated customers of the largest size"
              + " (by signup time); writes rank-comparison.md.")
  boolean rankOnly;

  private SparkSession spark;

  public static void main(String[] args) {
    System.exit(new CommandLine(new PipelineBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Path root = home.toAbsolutePath().normalize();
    Path work = root.resolve(workDir);
    Machine machine = Machine.describe();
    System.out.println("Machine: " + machine.summary());
    List<String> flags = new ArrayList<>();
    Arrays.stream(jvmFlags.trim().split("\\s+")).filter(f -> !f.isEmpty()).forEach(flags::add);
    flags.add("-Xmx" + heap);
    JobProcess job = new JobProcess(root, flags);
    ZoneId zone = ZoneId.of("Europe/Berlin");

    if (rankOnly) {
      long largest = sizes.stream().mapToLong(Long::longValue).max().orElseThrow();
      GeneratedData data = BenchData.ensure(this::spark, work.resolve("data"), largest, seed, asOf);
      RankComparison ranks =
          RankComparison.measure(spark(), BenchConfig.localPath(data.customers()), "signup_ts");
      System.out.println(ranks);
      Files.createDirectories(root.resolve(results));
      Files.writeString(
          root.resolve(results).resolve("rank-comparison.md"),
          new ResultsReport(machine, commandLine() + " -Dbench.args=--rank-only", Instant.now())
              .rankMarkdown(ranks, Machine.loadAverage()));
      spark.stop();
      return 0;
    }
    List<SizeResult> measured = new ArrayList<>();
    Supplier<SparkSession> session = this::spark;
    try {
      for (long size : sizes) {
        System.out.printf(Locale.ROOT, "%n== %,d transactions ==%n", size);
        GeneratedData data = BenchData.ensure(session, work.resolve("data"), size, seed, asOf);
        System.out.printf(
            Locale.ROOT,
            "data: %,d transactions, %,d customers, %,d interactions in %s%n",
            data.transactionRows(),
            data.customerRows(),
            data.interactionRows(),
            BenchConfig.localPath(data.transactions()));
        if (generateOnly) {
          continue;
        }
        measured.add(measure(job, work, size, data, zone));
        new ResultsReport(machine, commandLine(), Instant.now())
            .write(root.resolve(results), measured, Optional.empty());
      }
      if (generateOnly) {
        return 0;
      }
      Optional<RankComparison> ranks = Optional.empty();
      if (!noRankComparison && !measured.isEmpty()) {
        long largest = measured.get(measured.size() - 1).size();
        String profile =
            work.resolve("runs/tx=" + largest + "/warehouse/customer_profile/as_of_date=" + asOf)
                .toString();
        System.out.println("ranking customers of " + largest + ": GlobalRank vs NTILE ...");
        ranks = Optional.of(RankComparison.measure(spark(), profile, "total_spend"));
        System.out.println(ranks.get());
      }
      new ResultsReport(machine, commandLine(), Instant.now())
          .write(root.resolve(results), measured, ranks);
      System.out.println("results: " + root.resolve(results).resolve("pipeline.md"));
      return 0;
    } finally {
      if (spark != null) {
        spark.stop();
      }
    }
  }

  private SizeResult measure(JobProcess job, Path work, long size, GeneratedData data, ZoneId zone)
      throws Exception {
    Path runDir = work.resolve("runs").resolve("tx=" + size);
    deleteRecursively(runDir);
    Files.createDirectories(runDir);
    // The event log tells per step how many jobs, staged writes and scans it took.
    Path events = Files.createDirectories(runDir.resolve("spark-events"));
    Map<String, String> runSparkConf = new LinkedHashMap<>(sparkConf);
    runSparkConf.put("spark.eventLog.enabled", "true");
    runSparkConf.put("spark.eventLog.dir", events.toUri().toString());
    runSparkConf.put("spark.eventLog.compress", "false");
    runSparkConf.put("spark.eventLog.rolling.enabled", "false");
    Path config =
        BenchConfig.write(
            home.toAbsolutePath().normalize().resolve("conf/idic.yaml"),
            runDir,
            data,
            runSparkConf,
            holdout);
    String loadBefore = Machine.loadAverage();
    System.out.println("idic run ... (load " + loadBefore + ")");
    SizeMeasurement run = job.run(config, asOf, runDir);
    long rows = data.transactionRows();
    List<StageFigures> stages = new ArrayList<>();
    List<StepWindow> windows =
        StepWindow.fromManifest(
            runDir
                .resolve("warehouse/_manifests")
                .resolve("as_of_date=" + asOf)
                .resolve("manifest.json"));
    for (StepWindow w : windows) {
      stages.add(run.window(w.step(), w.startMillis(), w.endMillis(), rows));
    }
    StageFigures steps =
        run.window(
            "job", windows.get(0).startMillis(), windows.get(windows.size() - 1).endMillis(), rows);
    StageFigures process = run.whole(rows);
    SparkWork sparkWork = SparkWork.read(events);
    stages.forEach(PipelineBenchmark::print);
    print(steps);
    print(process);

    System.out.println("DuckDB RFM only ...");
    double duck =
        DuckDbRfm.run(
            BenchConfig.localPath(data.transactions()),
            runDir.resolve("duckdb_rfm.parquet"),
            asOf,
            zone);
    String loadAfter = Machine.loadAverage();
    SizeResult result =
        new SizeResult(
            size,
            rows,
            data.customerRows(),
            data.interactionRows(),
            stages,
            steps,
            process,
            sparkWork,
            duck,
            loadBefore,
            loadAfter);
    System.out.printf(
        Locale.ROOT,
        "DuckDB %.1f s; ours / DuckDB = %.2f (load %s)%n",
        duck,
        result.ratioToDuckDb(),
        loadAfter);
    return result;
  }

  private static void print(StageFigures f) {
    System.out.printf(
        Locale.ROOT,
        "  %-13s wall %7.1f s  cpu %7.1f s  peak %,7.0f MiB  %,12.0f rows/s%n",
        f.name(),
        f.wallSeconds(),
        f.cpuSeconds(),
        f.peakRssBytes() / (1024.0 * 1024),
        f.rowsPerSecond());
  }

  private String commandLine() {
    return "./mvnw -B -q -pl jobs/bench -am verify -DskipTests -Pbench-pipeline"
        + " -Dbench.sizes="
        + String.join(",", sizes.stream().map(String::valueOf).toList());
  }

  /** The benchmark's own session, for generating data and the ranking comparison. */
  private SparkSession spark() {
    if (spark == null) {
      spark =
          SparkSession.builder()
              .appName("idic-bench")
              .master("local[*]")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.session.timeZone", "UTC")
              .config("spark.sql.shuffle.partitions", "8")
              .getOrCreate();
    }
    return spark;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
