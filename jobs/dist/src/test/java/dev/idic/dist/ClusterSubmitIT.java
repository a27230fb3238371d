package dev.idic.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;

/**
 * Submits the shaded {@code idic-spark-app.jar} to a real two-Worker standalone cluster in client
 * mode and checks that the executors, not the driver, did the work and got it right.
 */
class ClusterSubmitIT {

  private static final Duration SUBMIT_LIMIT = Duration.ofMinutes(5);
  private static final int INPUT_FILES = 4;
  private static final int ROWS_PER_FILE = 2_500;
  private static final int CUSTOMERS = 150;

  private static StandaloneSparkCluster cluster;

  @RegisterExtension
  final TestWatcher printClusterLogsOnFailure =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          if (cluster != null) {
            cluster.printDiagnostics(System.err);
          }
        }
      };

  @BeforeAll
  static void startCluster() {
    Path workDir =
        Path.of(requiredProperty("idic.build.dir"), "standalone-cluster", "run-" + runStamp());
    cluster = StandaloneSparkCluster.start(workDir);
    System.err.printf(
        "standalone cluster %s with %d Workers up in %d ms%n",
        cluster.masterUrl(), StandaloneSparkCluster.WORKERS, cluster.startupTime().toMillis());
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void executorsRunTheShippedJarAndComputeTheTotals(@TempDir Path data) throws IOException {
    // given transactions spread over several files, so there are several tasks to place
    Path input = Files.createDirectories(data.resolve("transactions"));
    Map<String, CustomerTotal> expected = writeTransactions(input);
    Path output = data.resolve("check");

    // when
    SubmittedApp run = cluster.submit(clusterCheck(input, output), SUBMIT_LIMIT);
    System.err.printf("cluster check on the cluster took %d ms%n", run.elapsed().toMillis());

    // then
    assertThat(run.exitCode())
        .as("spark-submit exit code; driver log %s ends with:%n%s", run.log(), run.logTail(40))
        .isZero();
    assertThat(readCustomerTotals(output.resolve("customer_totals")))
        .as("per-customer totals computed on the cluster")
        .isEqualTo(expected);

    List<TaskPlacement> placements = readTaskPlacements(output.resolve("task_placement"));
    assertThat(placements.stream().mapToLong(TaskPlacement::rows).sum())
        .as("input rows seen by the tasks that reported where they ran")
        .isEqualTo((long) INPUT_FILES * ROWS_PER_FILE);
    assertThat(placements)
        .as("tasks ran on executors, in JVMs other than the driver's (pid %d)", run.driverPid())
        .allSatisfy(
            placement -> {
              assertThat(placement.executorId()).as("executor id").isNotEqualTo("driver");
              assertThat(placement.pid()).as("task JVM pid").isNotEqualTo(run.driverPid());
            });
    // Spark splits the input into at least one partition per core, and the driver waits for
    // every executor before scheduling, so each executor takes one of the first tasks.
    assertThat(placements.stream().map(TaskPlacement::executorId).distinct())
        .as("executors that ran tasks")
        .hasSize(StandaloneSparkCluster.WORKERS);

    assertThat(run.tasksByExecutor())
        .as("tasks per executor in Spark's event log")
        .hasSize(StandaloneSparkCluster.WORKERS)
        .doesNotContainKey("driver");
    assertThat(cluster.executorsPerWorker(run.applicationId()).values())
        .as("executors each Worker launched for the application")
        .hasSize(StandaloneSparkCluster.WORKERS)
        .containsOnly(1L);
  }

  /** The probe above is only worth something if it tells a local run apart. */
  @Test
  void localModeRunOfTheSameJarReportsTheDriverAsWhereTasksRan(@TempDir Path data)
      throws IOException {
    // given
    Path input = Files.createDirectories(data.resolve("transactions"));
    Map<String, CustomerTotal> expected = writeTransactions(input);
    Path output = data.resolve("check");

    // when
    SubmittedApp run = cluster.runInLocalMode(clusterCheck(input, output), SUBMIT_LIMIT);
    System.err.printf("cluster check in local mode took %d ms%n", run.elapsed().toMillis());

    // then
    assertThat(run.exitCode())
        .as("spark-submit exit code; driver log %s ends with:%n%s", run.log(), run.logTail(40))
        .isZero();
    assertThat(readCustomerTotals(output.resolve("customer_totals")))
        .as("per-customer totals computed in local mode")
        .isEqualTo(expected);
    assertThat(readTaskPlacements(output.resolve("task_placement")))
        .as("tasks ran in the driver JVM (pid %d)", run.driverPid())
        .isNotEmpty()
        .allSatisfy(
            placement -> {
              assertThat(placement.executorId()).as("executor id").isEqualTo("driver");
              assertThat(placement.pid()).as("task JVM pid").isEqualTo(run.driverPid());
            });
    assertThat(run.tasksByExecutor())
        .as("tasks per executor in Spark's event log")
        .containsOnlyKeys("driver");
  }

  /** Why client mode: the scheduler that runs spark-submit must see a failed night. */
  @Test
  void failingDriverFailsSparkSubmit(@TempDir Path data) {
    // given an input that does not exist
    Path input = data.resolve("missing");

    // when
    SubmittedApp run = cluster.submit(clusterCheck(input, data.resolve("check")), SUBMIT_LIMIT);

    // then
    assertThat(run.exitCode())
        .as("spark-submit exit code of a driver that failed; log %s", run.log())
        .isNotZero();
    assertThat(run.logTail(200)).as("driver log names the cause").contains("PATH_NOT_FOUND");
  }

  private static SparkApp clusterCheck(Path input, Path output) {
    return new SparkApp(
        distJar(),
        ClusterCheck.class.getName(),
        List.of(input.toUri().toString(), output.toUri().toString()));
  }

  /** Writes seeded transactions as CSV files and returns the totals they must add up to. */
  private static Map<String, CustomerTotal> writeTransactions(Path dir) throws IOException {
    Random random = new Random(20261124L);
    Map<String, CustomerTotal> totals = new TreeMap<>();
    for (int file = 0; file < INPUT_FILES; file++) {
      List<String> lines = new ArrayList<>();
      lines.add("customer_id,amount");
      for (int row = 0; row < ROWS_PER_FILE; row++) {
        String customerId = String.format("c%04d", random.nextInt(CUSTOMERS));
        // A few returns (negative amounts), as real transaction files have.
        BigDecimal amount = BigDecimal.valueOf(random.nextInt(40_000) - 2_000, 2);
        lines.add(customerId + "," + amount.toPlainString());
        totals.merge(customerId, new CustomerTotal(amount, 1), CustomerTotal::plus);
      }
      Files.write(dir.resolve("part-" + file + ".csv"), lines);
    }
    return totals;
  }

  private static Map<String, CustomerTotal> readCustomerTotals(Path dir) {
    Map<String, CustomerTotal> totals = new TreeMap<>();
    for (String[] row : readCsvRows(dir)) {
      totals.put(row[0], new CustomerTotal(new BigDecimal(row[1]), Long.parseLong(row[2])));
    }
    return totals;
  }

  private static List<TaskPlacement> readTaskPlacements(Path dir) {
    return readCsvRows(dir).stream()
        .map(
            row ->
                new TaskPlacement(
                    Integer.parseInt(row[0]),
                    row[1],
                    row[2],
                    Long.parseLong(row[3]),
                    Long.parseLong(row[4])))
        .toList();
  }

  /** The data rows of every part file Spark wrote into {@code dir}, headers dropped. */
  private static List<String[]> readCsvRows(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      List<String[]> rows = new ArrayList<>();
      for (Path part :
          files.filter(file -> file.getFileName().toString().startsWith("part-")).toList()) {
        List<String> lines = Files.readAllLines(part);
        lines.stream().skip(1).map(line -> line.split(",", -1)).forEach(rows::add);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the check's output in " + dir, e);
    }
  }

  private static Path distJar() {
    Path jar = Path.of(requiredProperty("idic.dist.jar"));
    assertThat(jar).as("the shaded app jar built by the package phase").isRegularFile();
    return jar;
  }

  private static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException(
          "system property " + name + " is not set; run this test through Maven failsafe");
    }
    return value;
  }

  private static String runStamp() {
    return LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
  }

  private record CustomerTotal(BigDecimal amount, long transactions) {

    CustomerTotal {
      amount = amount.setScale(2);
    }

    CustomerTotal plus(CustomerTotal other) {
      return new CustomerTotal(amount.add(other.amount), transactions + other.transactions);
    }
  }

  private record TaskPlacement(
      int partitionId, String executorId, String host, long pid, long rows) {}
}
