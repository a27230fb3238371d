package dev.idic.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One JVM of the test cluster (Master, Worker or driver), its output going to a log file. */
final class ClusterProcess {

  private static final long GRACE_SECONDS = 10;

  private final String name;
  private final Process process;
  private final Path log;

  private ClusterProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  static ClusterProcess launch(
      String name, List<String> command, Map<String, String> environment, Path workDir, Path log) {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(ClusterProcess::leaksHostSparkSetup);
    builder.environment().putAll(environment);
    try {
      return new ClusterProcess(name, builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + command, e);
    }
  }

  /** A Spark or Hadoop installation on the host must not leak into the test cluster. */
  private static boolean leaksHostSparkSetup(String variable) {
    return variable.startsWith("SPARK_")
        || variable.startsWith("PYSPARK_")
        || variable.equals("HADOOP_CONF_DIR")
        || variable.equals("YARN_CONF_DIR");
  }

  String name() {
    return name;
  }

  Path log() {
    return log;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  int exitValue() {
    return process.exitValue();
  }

  boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
    return process.waitFor(timeout, unit);
  }

  /**
   * Stops the process and everything it started: SIGTERM first so a Worker stops its executors
   * itself, then SIGKILL for whatever is left (a Worker's executors are its child processes).
   */
  void stop() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(GRACE_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      children.forEach(ProcessHandle::destroyForcibly);
    }
  }
}
