package dev.idic.bench.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What Spark did in each step of a measured run, read from the run's Spark event log: jobs, writes
 * into the staging folder, and how often each input and each staged table was scanned. The steps
 * are the job groups the nightly job names after them; a SQL execution belongs to the step of its
 * first job.
 */
record SparkWork(Map<String, StepWork> steps) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LOCATION = Pattern.compile("\\[(.+)]$");
  private static final String STAGING = "/_staging/";
  private static final Pattern WRITE =
      Pattern.compile("InsertIntoHadoopFsRelationCommand (\\S+?),");

  /**
   * One step's work.
   *
   * @param sparkJobs jobs started in the step
   * @param stagedWrites writes into the run's staging folder (tables, scratch tables, the tables on
   *     their way to publication)
   * @param inputScans scans of each input, by its folder name
   * @param stagedScans scans of each staged table, by its path below the night's staging folder
   */
  record StepWork(
      int sparkJobs,
      int stagedWrites,
      Map<String, Integer> inputScans,
      Map<String, Integer> stagedScans) {

    static final StepWork NONE = new StepWork(0, 0, Map.of(), Map.of());

    /** The staged table scanned most often, with its scans. */
    Optional<Map.Entry<String, Integer>> mostScannedStaged() {
      return stagedScans.entrySet().stream().max(Map.Entry.comparingByValue());
    }
  }

  /** Reads the one event log file in {@code eventLogDir}. */
  static SparkWork read(Path eventLogDir) throws IOException {
    Path log;
    try (Stream<Path> files = Files.list(eventLogDir)) {
      log =
          files
              .filter(f -> Files.isRegularFile(f) && !f.getFileName().toString().startsWith("."))
              .findFirst()
              .orElseThrow(() -> new IOException("no Spark event log in " + eventLogDir));
    }
    Map<String, Integer> jobs = new TreeMap<>();
    Map<Long, String> executionStep = new HashMap<>();
    Map<Long, Execution> executions = new HashMap<>();
    Set<String> cachedPlans = new HashSet<>();
    try (BufferedReader lines = Files.newBufferedReader(log)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        JsonNode event = JSON.readTree(line);
        String type = event.path("Event").asText();
        if (type.equals("SparkListenerJobStart")) {
          JsonNode properties = event.path("Properties");
          String step = properties.path("spark.jobGroup.id").asText("outside steps");
          jobs.merge(step, 1, Integer::sum);
          JsonNode execution = properties.path("spark.sql.execution.id");
          if (!execution.isMissingNode()) {
            executionStep.putIfAbsent(Long.parseLong(execution.asText()), step);
          }
        } else if (type.endsWith("SparkListenerSQLExecutionStart")) {
          Execution execution = new Execution();
          execution.collect(event.path("sparkPlanInfo"), cachedPlans);
          executions.put(event.path("executionId").asLong(), execution);
        }
      }
    }
    Map<String, Execution> byStep = new HashMap<>();
    executions.forEach(
        (id, execution) ->
            byStep
                .computeIfAbsent(
                    executionStep.getOrDefault(id, "outside steps"), s -> new Execution())
                .add(execution));
    Map<String, StepWork> steps = new LinkedHashMap<>();
    jobs.forEach(
        (step, n) -> {
          Execution work = byStep.getOrDefault(step, new Execution());
          steps.put(step, new StepWork(n, work.stagedWrites, work.inputScans, work.stagedScans));
        });
    return new SparkWork(steps);
  }

  /** The step's work; a step with no Spark job did none. */
  StepWork step(String name) {
    return steps.getOrDefault(name, StepWork.NONE);
  }

  /** Scans and staged writes of SQL executions, from their physical plans. */
  private static final class Execution {
    final Map<String, Integer> inputScans = new TreeMap<>();
    final Map<String, Integer> stagedScans = new TreeMap<>();
    int stagedWrites;

    /**
     * Counts what the plan under {@code node} reads and writes. Spark's plan info also shows, under
     * a reused exchange, the plan that computed it, and under an in-memory scan the plan of the
     * cached data: neither runs again, so a reused exchange is not followed, and a cached plan is
     * counted the first time one appears ({@code cachedPlans}), when it is computed. A cached plan
     * is known by the files it reads: its plan text changes once adaptive execution has run it.
     */
    void collect(JsonNode node, Set<String> cachedPlans) {
      String name = node.path("nodeName").asText();
      if (name.startsWith("ReusedExchange")
          || (name.startsWith("InMemoryTableScan") && !cachedPlans.add(locations(node)))) {
        return;
      }
      Matcher scanned = LOCATION.matcher(node.path("metadata").path("Location").asText(""));
      if (name.startsWith("Scan") && scanned.find()) {
        String path = scanned.group(1);
        int staging = path.indexOf(STAGING);
        if (staging >= 0) {
          String below = path.substring(staging + STAGING.length());
          stagedScans.merge(below.substring(below.indexOf('/') + 1), 1, Integer::sum);
        } else {
          inputScans.merge(path.substring(path.lastIndexOf('/') + 1), 1, Integer::sum);
        }
      }
      Matcher written = WRITE.matcher(node.path("simpleString").asText(""));
      if (written.find() && written.group(1).contains(STAGING)) {
        stagedWrites++;
      }
      node.path("children").forEach(child -> collect(child, cachedPlans));
    }

    /** The files the scans below {@code node} read, in plan order. */
    private static String locations(JsonNode node) {
      StringBuilder found = new StringBuilder();
      node.path("children").forEach(child -> found.append(locations(child)));
      Matcher scanned = LOCATION.matcher(node.path("metadata").path("Location").asText(""));
      return scanned.find()
          ? found.append(scanned.group(1)).append('\n').toString()
          : found.toString();
    }

    void add(Execution other) {
      other.inputScans.forEach((k, v) -> inputScans.merge(k, v, Integer::sum));
      other.stagedScans.forEach((k, v) -> stagedScans.merge(k, v, Integer::sum));
      stagedWrites += other.stagedWrites;
    }
  }
}
