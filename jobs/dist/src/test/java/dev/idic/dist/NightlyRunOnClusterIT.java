package dev.idic.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idic.stages.testing.LocalSpark;
import dev.idic.synth.GeneratedData;
import dev.idic.synth.SyntheticDataGenerator;
import dev.idic.synth.SyntheticSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given a seeded synthetic data set, when the shaded {@code idic-spark-app.jar} runs {@code idic
 * run} for one night on a real two-Worker standalone cluster (spark-submit, client mode, the jar
 * shipped to the executors) and, on the same input, in local mode, then the executors did the
 * cluster run's work and both runs published the same tables with the same rows.
 */
class NightlyRunOnClusterIT {

  private static final LocalDate AS_OF = LocalDate.parse("2026-11-22");
  private static final Duration RUN_LIMIT = Duration.ofMinutes(8);
  private static final String CLI = "dev.idic.batch.cli.IdicCli";

  /** Every table a night with all four inputs publishes; the CSV copies are the marketer lists. */
  private static final List<String> PUBLISHED_TABLES =
      List.of(
          "cohort_retention",
          "complaint_outcomes",
          "contact_mix_by_tier",
          "contact_plan",
          "customer_profile",
          "difficulty_summary",
          "excluded",
          "list_high_value_at_risk",
          "list_high_value_at_risk_csv",
          "list_tier_downgrades",
          "list_tier_downgrades_csv",
          "list_top_20_percent",
          "list_top_20_percent_csv",
          "list_vip_key_overdue",
          "list_vip_key_overdue_csv",
          "loyalty_summary",
          "model_fit",
          "quarantine",
          "segment_summary",
          "segment_transitions",
          "tier_summary",
          "tier_transitions",
          "top_customers",
          "value_concentration");

  /**
   * High-value customers at risk are rare among a few hundred generated ones: the list may be empty
   * (in both runs alike), the night configures no exclusion rule, and a first night has no earlier
   * one to downgrade from; every other table must have rows, so no comparison is vacuous.
   */
  private static final Set<String> MAY_BE_EMPTY =
      Set.of(
          "list_high_value_at_risk",
          "list_high_value_at_risk_csv",
          "excluded",
          "list_tier_downgrades",
          "list_tier_downgrades_csv");

  /** Wall time of each fit: the one published column that measures the run, not the data. */
  private static final String FIT_SECONDS = "fit_seconds";

  /**
   * A real cluster's executors need not share the driver's default time zone (the JVM takes it from
   * TZ); here they run 14 hours ahead of it, so identical tables also show that no executor code
   * depends on its JVM's zone.
   */
  private static final Map<String, String> EXECUTORS_ELSEWHERE =
      Map.of("spark.executorEnv.TZ", "Pacific/Kiritimati");

  @TempDir static Path dir;
  private static StandaloneSparkCluster cluster;
  private static Night onCluster;
  private static Night inLocalMode;
  private static SubmittedApp clusterRun;
  private static SubmittedApp localRun;

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
  static void givenGeneratedInputsWhenTheNightRunsOnTheClusterAndLocally() throws IOException {
    Path jar = distJar();
    cluster = StandaloneSparkCluster.start(buildDir().resolve("standalone-cluster/" + runStamp()));
    System.err.printf(
        "standalone cluster %s up in %d ms%n",
        cluster.masterUrl(), cluster.startupTime().toMillis());

    GeneratedData data =
        SyntheticDataGenerator.generate(
            LocalSpark.session(),
            SyntheticSpec.demo(AS_OF).withCustomers(400).withSeed(20261124L).withBadRowRate(0.001),
            dir.resolve("in").toUri().toString());

    onCluster = Night.of(dir.resolve("cluster"), allInputs(data));
    inLocalMode = Night.of(dir.resolve("local"), allInputs(data));
    // Side by side: each run spends most of its time waiting on its own JVM, Spring and Spark.
    CompletableFuture<SubmittedApp> local =
        CompletableFuture.supplyAsync(
            () -> cluster.runInLocalMode(inLocalMode.idicRun(jar), RUN_LIMIT));
    clusterRun = cluster.submit(onCluster.idicRun(jar).withConf(EXECUTORS_ELSEWHERE), RUN_LIMIT);
    localRun = local.join();
    System.err.printf(
        "idic run took %d ms on the cluster, %d ms in local mode (side by side)%n",
        clusterRun.elapsed().toMillis(), localRun.elapsed().toMillis());
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void clusterRunSucceedsWithEveryTaskOnTheExecutors() {
    SubmittedApp run = clusterRun;

    assertThat(run.exitCode())
        .as("exit code of spark-submit; driver log %s ends with:%n%s", run.log(), run.logTail(60))
        .isZero();
    assertThat(run.tasksByExecutor())
        .as("tasks per executor in Spark's event log")
        .hasSize(StandaloneSparkCluster.WORKERS)
        .doesNotContainKey("driver");
    assertThat(cluster.executorsPerWorker(run.applicationId()).values())
        .as("executors each Worker launched for the night")
        .hasSize(StandaloneSparkCluster.WORKERS)
        .containsOnly(1L);
  }

  /** The event-log check above is only worth something if it tells a local run apart. */
  @Test
  void localRunSucceedsWithEveryTaskInTheDriver() {
    SubmittedApp run = localRun;

    assertThat(run.exitCode())
        .as("exit code of spark-submit; driver log %s ends with:%n%s", run.log(), run.logTail(60))
        .isZero();
    assertThat(run.tasksByExecutor())
        .as("tasks per executor in Spark's event log")
        .containsOnlyKeys("driver");
  }

  @Test
  void bothRunsPublishTheSameTables() {
    assertThat(onCluster.publishedTables())
        .as("tables published by the cluster run")
        .containsExactlyElementsOf(PUBLISHED_TABLES);
    assertThat(inLocalMode.publishedTables())
        .as("tables published by the local run")
        .containsExactlyElementsOf(PUBLISHED_TABLES);
  }

  @Test
  void everyPublishedTableHoldsTheSameRowsInBothRuns() {
    SoftAssertions softly = new SoftAssertions();
    for (String table : PUBLISHED_TABLES) {
      Dataset<Row> clusterDF = onCluster.read(table);
      Dataset<Row> localDF = inLocalMode.read(table);
      softly
          .assertThat(clusterDF.schema())
          .as("%s: schema of the cluster run's partition", table)
          .isEqualTo(localDF.schema());
      List<String> clusterRows = rows(clusterDF);
      if (!MAY_BE_EMPTY.contains(table)) {
        softly.assertThat(clusterRows).as("%s: rows of the cluster run", table).isNotEmpty();
      }
      softly
          .assertThat(clusterRows)
          .as("%s: rows of the cluster run against the local run's, in any order", table)
          .containsExactlyInAnyOrderElementsOf(rows(localDF));
    }
    softly.assertAll();
  }

  /**
   * Fitting runs on the driver from patterns Spark aggregated and the models stage sorted, so the
   * estimates must agree to the last bit, not within a tolerance.
   */
  @Test
  void modelFitsAreBitIdentical() {
    List<String> clusterFits = fits(onCluster);

    assertThat(clusterFits)
        .as("model_fit rows (model, parameter, estimate, std_error, ...) of the cluster run")
        .isNotEmpty()
        .isEqualTo(fits(inLocalMode));
  }

  /**
   * Why client mode: the scheduler that runs spark-submit must see the exit code of {@code idic
   * run}, here 3 for an input whose rejected share is over max_reject_ratio.
   */
  @Test
  void rejectedInputReachesTheSchedulerAsExitCodeThree() throws IOException {
    // given a transactions file with one bad amount in every other row
    Path input = Files.createDirectories(dir.resolve("rejected/in"));
    StringBuilder csv = new StringBuilder("transaction_id,customer_id,ts,amount\n");
    for (int i = 0; i < 40; i++) {
      String amount = i % 2 == 0 ? "12.50" : "twelve";
      csv.append("t").append(i).append(",c").append(i % 7).append(",2026-11-01T10:00:00Z,");
      csv.append(amount).append('\n');
    }
    Files.writeString(input.resolve("transactions.csv"), csv);
    Night rejected =
        Night.of(
            dir.resolve("rejected"), "  transactions: { path: \"%s\" }%n".formatted(input.toUri()));

    // when
    SubmittedApp run = cluster.submit(rejected.idicRun(distJar()), RUN_LIMIT);

    // then
    assertThat(run.exitCode())
        .as("exit code of spark-submit; driver log %s ends with:%n%s", run.log(), run.logTail(60))
        .isEqualTo(3);
    assertThat(run.tasksByExecutor())
        .as("the rows were validated on the executors")
        .doesNotContainKey("driver")
        .isNotEmpty();
  }

  private static List<String> fits(Night night) {
    return rows(night.read("model_fit")).stream().sorted().toList();
  }

  /**
   * Every row as text, {@code fit_seconds} left out. The tables are small; {@link Row#toString}
   * prints doubles with {@link Double#toString}, which tells any two different values apart.
   */
  private static List<String> rows(Dataset<Row> tableDF) {
    return tableDF.drop(FIT_SECONDS).collectAsList().stream().map(Row::toString).toList();
  }

  private static Path buildDir() {
    String value = System.getProperty("idic.build.dir");
    if (value == null) {
      throw new IllegalStateException(
          "system property idic.build.dir is not set; run this test through Maven failsafe");
    }
    return Path.of(value);
  }

  private static Path distJar() {
    String value = System.getProperty("idic.dist.jar");
    assertThat(value).as("system property idic.dist.jar (set by failsafe)").isNotNull();
    Path jar = Path.of(value);
    assertThat(jar).as("the shaded app jar built by the package phase").isRegularFile();
    return jar;
  }

  private static String runStamp() {
    return "run-"
        + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
  }

  private static String allInputs(GeneratedData data) {
    return """
          transactions: { path: "%s" }
          interactions: { path: "%s" }
          customers: { path: "%s" }
          wallet_estimates: { path: "%s" }
        """
        .formatted(
            data.transactions(), data.interactions(), data.customers(), data.walletEstimates());
  }

  /**
   * One night's configuration: its own work dir (so its H2 job repository is its own) and its own
   * warehouse, given as a {@code file:} URI as a cluster needs a Hadoop URI.
   */
  private record Night(Path folder, Path config) {

    /** Writes the night's config; {@code inputs} is the indented body of its inputs section. */
    static Night of(Path folder, String inputs) throws IOException {
      Files.createDirectories(folder);
      Path config = folder.resolve("cluster.yaml");
      Files.writeString(
          config,
          """
          work_dir: work
          warehouse: "%s"
          time_zone: Europe/Berlin
          inputs:
          %s"""
              .formatted(folder.resolve("warehouse").toUri(), inputs));
      return new Night(folder, config);
    }

    SparkApp idicRun(Path jar) {
      return new SparkApp(
          jar, CLI, List.of("run", "--as-of", AS_OF.toString(), "--conf", config.toString()));
    }

    /** Table folders in the warehouse; Spark, Hive and DuckDB skip names starting with _ or . */
    List<String> publishedTables() {
      try (Stream<Path> entries = Files.list(folder.resolve("warehouse"))) {
        return entries
            .filter(Files::isDirectory)
            .map(entry -> entry.getFileName().toString())
            .filter(name -> !name.startsWith("_") && !name.startsWith("."))
            .sorted()
            .toList();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list the warehouse of " + folder, e);
      }
    }

    Dataset<Row> read(String table) {
      SparkSession spark = LocalSpark.session();
      String partition =
          folder.resolve("warehouse").resolve(table).resolve("as_of_date=" + AS_OF).toString();
      return table.endsWith("_csv")
          ? spark.read().option("header", "true").csv(partition)
          : spark.read().parquet(partition);
    }
  }
}
