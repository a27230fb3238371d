package dev.idic.bench.pipeline;

import dev.idic.bench.pipeline.ProcessSampler.Sample;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code idic run} in a child JVM, exactly as the {@code idic} launcher starts it (same main
 * class, Spark's JVM flags, log configuration), and measures it from the outside: wall time, CPU
 * time and resident memory from {@code /proc}, step windows from the run's manifest. A fresh JVM
 * per size keeps the peak memory of one size from hiding another's.
 */
final class JobProcess {

  private final Path idicHome;
  private final List<String> jvmFlags;

  /**
   * @param idicHome the repository root (conf/ and the log configuration)
   * @param jvmFlags Spark's --add-opens flags and the heap setting for the child JVM
   */
  JobProcess(Path idicHome, List<String> jvmFlags) {
    this.idicHome = idicHome;
    this.jvmFlags = List.copyOf(jvmFlags);
  }

  /** Runs the nightly job for {@code asOf} with {@code config}; fails unless it exits with 0. */
  SizeMeasurement run(Path config, LocalDate asOf, Path runDir)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.add("-Didic.home=" + idicHome);
    command.add("-Dlog4j2.configurationFile=" + idicHome.resolve("conf/log4j2.properties"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.idic.batch.cli.IdicCli");
    command.add("run");
    command.add("--as-of");
    command.add(asOf.toString());
    command.add("--conf");
    command.add(config.toString());
    Path log = runDir.resolve("idic-run.out");
    long start = System.currentTimeMillis();
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    List<Sample> samples = ProcessSampler.sampleUntilExit(process);
    long end = System.currentTimeMillis();
    int exit = process.waitFor();
    if (exit != 0) {
      throw new IllegalStateException(
          "idic run exited with " + exit + "; see " + log + " and " + runDir.resolve("logs"));
    }
    return new SizeMeasurement(start, end, samples);
  }

  /**
   * What was observed of one run.
   *
   * @param startMillis when the process was launched
   * @param endMillis when it was seen to end
   * @param samples CPU and memory samples in time order
   */
  record SizeMeasurement(long startMillis, long endMillis, List<Sample> samples) {

    /** Figures over a time window, with {@code rows} input rows for the throughput. */
    StageFigures window(String name, long from, long to, long rows) {
      double seconds = (to - from) / 1000.0;
      double cpu = cpuAt(to) - cpuAt(from);
      long peak =
          samples.stream()
              .filter(s -> s.epochMillis() >= from && s.epochMillis() <= to)
              .mapToLong(Sample::rssBytes)
              .max()
              .orElse(0);
      return new StageFigures(name, seconds, cpu, peak, seconds > 0 ? rows / seconds : 0);
    }

    /**
     * The whole process: CPU time and the kernel's peak resident memory (VmHWM) as of the last
     * sample that could read them (an exiting process loses its memory figures first).
     */
    StageFigures whole(long rows) {
      double seconds = (endMillis - startMillis) / 1000.0;
      double cpu = samples.stream().mapToDouble(Sample::cpuSeconds).max().orElse(0);
      long peak = samples.stream().mapToLong(Sample::peakRssBytes).max().orElse(0);
      return new StageFigures("process", seconds, cpu, peak, rows / seconds);
    }

    /** Process CPU time at a moment, interpolated between the samples around it. */
    private double cpuAt(long millis) {
      Sample before = null;
      for (Sample s : samples) {
        if (s.epochMillis() >= millis) {
          if (before == null) {
            return s.cpuSeconds();
          }
          double f =
              (millis - before.epochMillis())
                  / (double) Math.max(1, s.epochMillis() - before.epochMillis());
          return before.cpuSeconds() + f * (s.cpuSeconds() - before.cpuSeconds());
        }
        before = s;
      }
      return before == null ? 0 : before.cpuSeconds();
    }
  }
}
