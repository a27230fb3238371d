package dev.idic.bench.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples a running process from Linux's {@code /proc}: its CPU time (user + system, all threads)
 * and its resident memory, every few milliseconds, until it exits. Linux only: the benchmark needs
 * a number the operating system vouches for, and the JVM cannot report another process's CPU time.
 */
final class ProcessSampler {

  /** Clock ticks per second of {@code /proc/<pid>/stat} times ({@code getconf CLK_TCK}). */
  private static final double TICKS_PER_SECOND = 100.0;

  private static final long INTERVAL_MILLIS = 100;

  private ProcessSampler() {}

  /**
   * One observation of the process.
   *
   * @param epochMillis when it was taken
   * @param cpuSeconds process CPU time so far
   * @param rssBytes resident memory now
   * @param peakRssBytes the kernel's high-water mark of resident memory so far (VmHWM)
   */
  record Sample(long epochMillis, double cpuSeconds, long rssBytes, long peakRssBytes) {}

  /** Samples {@code process} until it ends; returns the samples in time order. */
  static List<Sample> sampleUntilExit(Process process) throws InterruptedException {
    Path proc = Path.of("/proc", Long.toString(process.pid()));
    List<Sample> samples = new ArrayList<>();
    while (process.isAlive()) {
      try {
        samples.add(read(proc));
      } catch (IOException | RuntimeException e) {
        // The process ended between the check and the read; the last good sample stands.
      }
      Thread.sleep(INTERVAL_MILLIS);
    }
    return samples;
  }

  private static Sample read(Path proc) throws IOException {
    long now = System.currentTimeMillis();
    String stat = Files.readString(proc.resolve("stat"));
    // Fields after the command name (which may hold spaces) start at the last ')'.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after the name.
    double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    long rss = 0;
    long hwm = 0;
    for (String line : Files.readAllLines(proc.resolve("status"))) {
      if (line.startsWith("VmRSS:")) {
        rss = kilobytes(line) * 1024;
      } else if (line.startsWith("VmHWM:")) {
        hwm = kilobytes(line) * 1024;
      }
    }
    return new Sample(now, cpu, rss, hwm);
  }

  private static long kilobytes(String statusLine) {
    return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
  }
}
