package dev.idic.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The Spark event log a driver wrote (uncompressed JSON lines, one folder per submission): what the
 * application did, as Spark recorded it, whatever the application's own code reports.
 */
record EventLog(Path dir) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The id Spark gave the application, from its application-start event. */
  String applicationId() {
    return events()
        .filter(event -> event.path("Event").asText().equals("SparkListenerApplicationStart"))
        .map(event -> event.path("App ID").asText())
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException("no application start event in the event log " + dir));
  }

  /** How many tasks ended on each executor id ({@code driver} in local mode). */
  Map<String, Long> tasksByExecutor() {
    Map<String, Long> tasks = new TreeMap<>();
    events()
        .filter(event -> event.path("Event").asText().equals("SparkListenerTaskEnd"))
        .map(event -> event.path("Task Info").path("Executor ID").asText())
        .forEach(executorId -> tasks.merge(executorId, 1L, Long::sum));
    return tasks;
  }

  private Stream<JsonNode> events() {
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> logs = files.filter(Files::isRegularFile).sorted().toList();
      return logs.stream().flatMap(EventLog::lines).map(EventLog::parse);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the event log in " + dir, e);
    }
  }

  private static Stream<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream().filter(line -> !line.isBlank());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the event log " + file, e);
    }
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException("not a Spark event: " + line, e);
    }
  }
}
