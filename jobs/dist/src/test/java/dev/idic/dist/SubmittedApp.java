package dev.idic.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one spark-submit run in client mode.
 *
 * @param exitCode the exit code of the spark-submit JVM, which is the driver's
 * @param driverPid the process id of that JVM: tasks that ran in it did not run on an executor
 * @param log the driver's stdout and stderr
 * @param elapsed wall time from launch to exit
 * @param eventLogDir where the driver wrote its Spark event log
 */
public record SubmittedApp(
    int exitCode, long driverPid, Path log, Duration elapsed, Path eventLogDir) {

  /** The id Spark gave the application, as its event log records it. */
  public String applicationId() {
    return new EventLog(eventLogDir).applicationId();
  }

  /**
   * How many tasks ran on each executor, by executor id, as the event log records them. A cluster
   * run lists executor ids ({@code "0"}, {@code "1"}); a local run lists only {@code "driver"}.
   */
  public Map<String, Long> tasksByExecutor() {
    return new EventLog(eventLogDir).tasksByExecutor();
  }

  /** The last {@code lines} lines of the driver log, for failure messages. */
  public String logTail(int lines) {
    return tail(log, lines);
  }

  static String tail(Path file, int lines) {
    if (Files.notExists(file)) {
      return "(no " + file + ")";
    }
    try {
      List<String> all =
          new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
