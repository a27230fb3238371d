package dev.idic.bench.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes the benchmark's results: {@code pipeline.csv} (one row per size and step) and {@code
 * pipeline.md} (the same as tables, the machine, and the figures against the targets).
 */
record ResultsReport(Machine machine, String command, Instant finished) {

  private static final double GIB = 1024.0 * 1024 * 1024;
  private static final double MIB = 1024.0 * 1024;

  ResultsReport {
    finished = finished.truncatedTo(ChronoUnit.SECONDS);
  }

  void write(Path dir, List<SizeResult> results, Optional<RankComparison> ranks)
      throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("pipeline.csv"), csv(results));
    Files.writeString(dir.resolve("pipeline.md"), markdown(results, ranks));
  }

  /** One step's figures: name, wall s, CPU s, peak RSS MiB, rows/s, in {@code format}. */
  private static String figures(String format, StageFigures f) {
    return String.format(
        Locale.ROOT,
        format,
        f.name(),
        f.wallSeconds(),
        f.cpuSeconds(),
        f.peakRssBytes() / MIB,
        f.rowsPerSecond());
  }

  static String csv(List<SizeResult> results) {
    StringBuilder out =
        new StringBuilder(
            "size,transactions,step,wall_s,cpu_s,peak_rss_mib,rows_per_s,spark_jobs,staged_writes\n");
    for (SizeResult r : results) {
      for (StageFigures f : r.rows()) {
        SparkWork.StepWork work = r.work().step(f.name());
        out.append(r.size() + "," + r.transactions() + ",")
            .append(figures("%s,%.2f,%.2f,%.0f,%.0f,", f))
            .append(r.stages().contains(f) ? work.sparkJobs() + "," + work.stagedWrites() : ",")
            .append('\n');
      }
      out.append(
          String.format(
              Locale.ROOT,
              "%d,%d,duckdb_rfm_only,%.2f,,,%.0f%n",
              r.size(),
              r.transactions(),
              r.duckDbSeconds(),
              r.transactions() / r.duckDbSeconds()));
    }
    return out.toString();
  }

  String markdown(List<SizeResult> results, Optional<RankComparison> ranks) {
    StringBuilder out = new StringBuilder("# Pipeline benchmark results\n\n");
    out.append("Measured ")
        .append(finished)
        .append(" on ")
        .append(machine.summary())
        .append(".\n\n");
    out.append("Command: `").append(command).append("`\n\n");
    out.append(
        "Full nightly job (`idic run`, local mode, shipped `conf/idic.yaml` with the inputs and"
            + " folders replaced) in a fresh JVM per size; `process` is the whole `idic run`"
            + " process (JVM and Spark start-up included), `job` the steps only. CPU is process"
            + " CPU time (user + system, all threads) from `/proc`; memory is resident memory"
            + " (peak RSS; VmHWM for the process); rows/s is input transactions per wall second."
            + " DuckDB computes the RFM part alone on the same Parquet files.\n\n");
    for (SizeResult r : results) {
      out.append(
          String.format(
              Locale.ROOT,
              "## %,d transactions (%,d generated; %,d customers, %,d interactions)%n%nLoad"
                  + " average (1 / 5 / 15 min): %s at the start, %s at the end.%n%n",
              r.size(),
              r.transactions(),
              r.customers(),
              r.interactions(),
              r.loadBefore(),
              r.loadAfter()));
      out.append("| step | wall s | CPU s | peak RSS MiB | rows/s |\n");
      out.append("|---|---:|---:|---:|---:|\n");
      for (StageFigures f : r.rows()) {
        out.append(figures("| %s | %.1f | %.1f | %,.0f | %,.0f |%n", f));
      }
      out.append(
          String.format(
              Locale.ROOT,
              "| DuckDB RFM only | %.1f | | | %,.0f |%n%nOurs / DuckDB: **%.2f×** (whole"
                  + " process; %.2f× for the job's steps).%n%n",
              r.duckDbSeconds(),
              r.transactions() / r.duckDbSeconds(),
              r.ratioToDuckDb(),
              r.job().wallSeconds() / r.duckDbSeconds()));
      out.append(sparkWork(r));
    }
    ranks.ifPresent(c -> out.append(rankSection(c)));
    out.append(targets(results));
    return out.toString();
  }

  /** Per step: Spark jobs, staged writes, scans of each input, the staged table read most. */
  private static String sparkWork(SizeResult r) {
    StringBuilder out =
        new StringBuilder(
            "From the run's Spark event log:\n\n| step | Spark jobs | staged writes | input scans"
                + " | staged table scanned most |\n|---|---:|---:|---|---|\n");
    for (StageFigures f : r.stages()) {
      SparkWork.StepWork work = r.work().step(f.name());
      String inputs =
          work.inputScans().entrySet().stream()
              .map(e -> e.getKey() + " " + e.getValue())
              .collect(Collectors.joining(", "));
      String most =
          work.mostScannedStaged().map(e -> e.getKey() + " " + e.getValue() + "×").orElse("");
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %s | %s |%n",
              f.name(),
              work.sparkJobs(),
              work.stagedWrites(),
              inputs,
              most));
    }
    return out.append('\n').toString();
  }

  /** The ranking comparison alone, with the machine and the load it ran under. */
  String rankMarkdown(RankComparison ranks, String loadAfter) {
    return "# GlobalRank vs. a global window\n\nMeasured "
        + finished
        + " on "
        + machine.summary()
        + "; load average (1 / 5 / 15 min) afterwards "
        + loadAfter
        + ".\n\nCommand: `"
        + command
        + "`\n\n"
        + rankSection(ranks).substring(rankSection(ranks).indexOf("Quintiles"));
  }

  private static String rankSection(RankComparison c) {
    return String.format(
        Locale.ROOT,
        "## Ranking all customers: GlobalRank vs. a global window%n%n"
            + "Quintiles of %,d customers (%s):%n%n"
            + "| method | wall s | partitions |%n|---|---:|---:|%n"
            + "| GlobalRank (range-partitioned) | %.1f | %d |%n"
            + "| NTILE(5) OVER (ORDER BY ...) | %.1f | %d |%n%n",
        c.customers(),
        c.table(),
        c.globalRankSeconds(),
        c.globalRankPartitions(),
        c.ntileSeconds(),
        c.ntilePartitions());
  }

  private static String targets(List<SizeResult> results) {
    Optional<SizeResult> ten = size(results, 10_000_000);
    Optional<SizeResult> fifty = size(results, 50_000_000);
    StringBuilder out =
        new StringBuilder("## Targets\n\n| target | measured | met |\n|---|---|---|\n");
    Optional<SizeResult> one = size(results, 1_000_000);
    row(
        out,
        "1M whole process ≤ 25 s wall",
        one.map(o -> String.format(Locale.ROOT, "%.1f s", o.process().wallSeconds())),
        one.map(o -> o.process().wallSeconds() <= 25));
    row(
        out,
        "10M whole process ≤ 60 s wall",
        ten.map(t -> String.format(Locale.ROOT, "%.1f s", t.process().wallSeconds())),
        ten.map(t -> t.process().wallSeconds() <= 60));
    row(
        out,
        "50M whole process ≤ 8× DuckDB RFM-only",
        fifty.map(f -> String.format(Locale.ROOT, "%.2f×", f.ratioToDuckDb())),
        fifty.map(f -> f.ratioToDuckDb() <= 8));
    Optional<Double> growth =
        ten.flatMap(t -> fifty.map(f -> f.process().wallSeconds() / t.process().wallSeconds()));
    row(
        out,
        "50M ≤ 5.5× the time of 10M",
        growth.map(g -> String.format(Locale.ROOT, "%.2f×", g)),
        growth.map(g -> g <= 5.5));
    long peak = results.stream().mapToLong(r -> r.process().peakRssBytes()).max().orElse(0);
    row(
        out,
        "peak memory < 8 GiB (sizes measured)",
        Optional.of(String.format(Locale.ROOT, "%.2f GiB", peak / GIB)),
        Optional.of(peak < 8 * GIB));
    return out.toString();
  }

  /** A target's row; a size that was not run is reported as not measured, not left out. */
  private static void row(
      StringBuilder out, String target, Optional<String> measured, Optional<Boolean> met) {
    out.append("| ").append(target).append(" | ").append(measured.orElse("not measured"));
    out.append(" | ").append(met.map(m -> m ? "yes" : "**no**").orElse("**unknown**"));
    out.append(" |\n");
  }

  private static Optional<SizeResult> size(List<SizeResult> results, long transactions) {
    return results.stream().filter(r -> r.size() == transactions).findFirst();
  }
}
