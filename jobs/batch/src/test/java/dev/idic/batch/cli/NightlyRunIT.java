package dev.idic.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.idic.batch.job.RunLocks;
import dev.idic.batch.testing.AllProbeStages;
import dev.idic.batch.testing.InProcessIdic;
import dev.idic.batch.testing.ProbeStage;
import dev.idic.batch.testing.SomeProbeStages;
import dev.idic.stages.contract.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real nightly job on an H2 file job repository, with probe stages, through the CLI. */
class NightlyRunIT {

  private static final String AS_OF = "2026-11-22";

  @TempDir Path dir;

  private Path warehouse;

  record Outcome(int code, String out, String err) {}

  @BeforeEach
  void writeConfiguration() throws IOException {
    warehouse = dir.resolve("warehouse");
    Files.writeString(dir.resolve("tx.csv"), "transaction_id,customer_id,ts,amount\n");
    Files.writeString(
        dir.resolve("idic.yaml"),
        """
        work_dir: work
        warehouse: warehouse
        time_zone: Pacific/Auckland
        inputs:
          transactions:
            path: tx.csv
        """);
  }

  private Outcome idic(List<Class<?>> stages, String... args) {
    InProcessIdic.Outcome outcome =
        InProcessIdic.withStages(dir, stages.toArray(Class<?>[]::new)).execute(args);
    return new Outcome(outcome.code(), outcome.out(), outcome.err());
  }

  private Outcome idic(String... args) {
    return idic(List.of(AllProbeStages.class), args);
  }

  private Outcome run(String... extra) {
    String[] args = new String[3 + extra.length];
    args[0] = "run";
    args[1] = "--conf=" + dir.resolve("idic.yaml");
    args[2] = "--as-of=" + AS_OF;
    System.arraycopy(extra, 0, args, 3, extra.length);
    return idic(args);
  }

  private void injectFault(String stage, String kind) throws IOException {
    Files.createDirectories(warehouse.resolve("_faults"));
    Files.writeString(warehouse.resolve("_faults").resolve(stage), kind);
  }

  private void clearFault(String stage) throws IOException {
    Files.delete(warehouse.resolve("_faults").resolve(stage));
  }

  @Test
  void firstRunCompletesEveryStepOnceUnderItsJobGroup() throws IOException {
    Outcome outcome = run();

    assertThat(outcome.code()).as("exit code of a completed run: " + outcome).isZero();
    assertThat(outcome.out()).contains("Run for " + AS_OF + " completed");
    assertThat(ProbeStage.calls(warehouse))
        .as("each stage ran once")
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "ingest", 1L,
                "validation", 1L,
                "features", 1L,
                "models", 1L,
                "tiers", 1L,
                "interactions", 1L,
                "publish", 1L));
    assertThat(ProbeStage.jobGroups(warehouse))
        .as("Spark actions ran under a job group named after the step")
        .contains("ingest=ingest", "publish=publish", "models=models");
    assertThat(Files.exists(dir.resolve("work/job-repository/idic.mv.db")))
        .as("the H2 job repository lives under work_dir")
        .isTrue();
    JsonNode manifest =
        new ObjectMapper()
            .readTree(
                warehouse.resolve("_manifests/as_of_date=" + AS_OF + "/manifest.json").toFile());
    assertThat(manifest.at("/row_counts/ingest/rows_in").asLong())
        .as("manifest counts per stage")
        .isEqualTo(16);
    assertThat(manifest.at("/stage_seconds").size()).as("a time per stage").isEqualTo(7);
    assertThat(manifest.at("/model_results/bgnbd/r").asDouble()).isEqualTo(0.243);
    assertThat(manifest.at("/settings/time_zone").asText()).isEqualTo("Pacific/Auckland");
    assertThat(manifest.at("/inputs/transactions").size())
        .as("the configured transactions file is fingerprinted")
        .isEqualTo(1);
  }

  @Test
  void anExecutionLeftRunningByAKilledProcessIsRecoveredAndRestartedAtItsStep()
      throws IOException, SQLException {
    injectFault("features", "fail");
    assertThat(run().code()).isEqualTo(ExitCode.RUN_FAILED.code());
    clearFault("features");
    // What a SIGKILL during the features step leaves behind: execution and step still STARTED.
    try (Connection connection =
            DriverManager.getConnection(
                "jdbc:h2:file:"
                    + dir.resolve("work/job-repository/idic")
                    + ";AUTO_SERVER=TRUE;WRITE_DELAY=0",
                "sa",
                "");
        Statement statement = connection.createStatement()) {
      statement.executeUpdate(
          "update BATCH_JOB_EXECUTION set STATUS = 'STARTED', EXIT_CODE = 'UNKNOWN', END_TIME = null");
      statement.executeUpdate(
          "update BATCH_STEP_EXECUTION set STATUS = 'STARTED', EXIT_CODE = 'EXECUTING',"
              + " END_TIME = null where STEP_NAME = 'features'");
    }

    Outcome outcome = run();

    assertThat(outcome.code()).as("the stale execution is recovered: " + outcome).isZero();
    assertThat(ProbeStage.calls(warehouse))
        .as("ingest is not rerun, features is")
        .containsEntry("ingest", 1L)
        .containsEntry("features", 2L)
        .containsEntry("publish", 1L);
  }

  @Test
  void rerunOfACompletedDateIsANoOp() throws IOException {
    assertThat(run().code()).isZero();

    Outcome rerun = run();

    assertThat(rerun.code()).as("already done exits 0").isZero();
    assertThat(rerun.out()).contains("already done");
    assertThat(ProbeStage.calls(warehouse).values()).as("nothing was recomputed").containsOnly(1L);
  }

  @Test
  void failedMiddleStepExitsOneAndTheNextRunRestartsThere() throws IOException {
    injectFault("models", "fail");

    Outcome failed = run();

    assertThat(failed.code()).as("a failed run exits 1").isEqualTo(ExitCode.RUN_FAILED.code());
    assertThat(failed.err())
        .contains("failed in step models")
        .contains("injected failure in models")
        .as("no stack trace without --verbose")
        .doesNotContain("\tat ");
    assertThat(ProbeStage.calls(warehouse))
        .as("steps after the failed one did not run")
        .doesNotContainKeys("tiers", "interactions", "publish");

    clearFault("models");
    Outcome restarted = run();

    assertThat(restarted.code()).as("the restart completes: " + restarted).isZero();
    assertThat(ProbeStage.calls(warehouse))
        .as("completed steps are not rerun; the failed step runs again")
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "ingest", 1L,
                "validation", 1L,
                "features", 1L,
                "models", 2L,
                "tiers", 1L,
                "interactions", 1L,
                "publish", 1L));
  }

  @Test
  void forceRerunsACompletedDate() throws IOException {
    assertThat(run().code()).isZero();

    Outcome forced = run("--force");

    assertThat(forced.code()).isZero();
    assertThat(forced.out()).contains("completed");
    assertThat(ProbeStage.calls(warehouse).values()).as("every step ran again").containsOnly(2L);
    assertThat(run().out()).as("afterwards the date is done").contains("already done");
  }

  @Test
  void statusListsRunsWithCountsAndTheFailedStep() throws IOException {
    injectFault("tiers", "fail");
    run();
    clearFault("tiers");
    run();
    run("--force");

    Outcome status = idic("status", "--conf=" + dir.resolve("idic.yaml"));

    assertThat(status.code()).isZero();
    List<String> lines = status.out().lines().toList();
    assertThat(lines.get(0)).contains("AS_OF", "STATUS", "DURATION", "ROWS_IN", "ROWS_OUT");
    assertThat(lines.subList(1, 4))
        .as("three executions, newest first")
        .satisfiesExactly(
            forced -> assertThat(forced).contains(AS_OF, "COMPLETED*", "16", "17"),
            restart -> assertThat(restart).contains(AS_OF, "COMPLETED").doesNotContain("*"),
            first -> assertThat(first).contains(AS_OF, "FAILED", "16", "tiers"));
    assertThat(status.out()).contains("forced rerun");
    int started = lines.get(0).indexOf("STARTED");
    assertThat(lines.subList(1, 4))
        .as("columns stay aligned after a starred status")
        .allSatisfy(row -> assertThat(row.substring(started)).matches("^\\d{4}-\\d{2}-\\d{2} .*"));

    Outcome detail = idic("status", "--conf=" + dir.resolve("idic.yaml"), "--as-of=" + AS_OF);
    assertThat(detail.out()).contains("ingest {rows_in=16, rows_out=16}");
  }

  @Test
  void rejectedInputExitsThreeWithTheFileAndReasons() throws IOException {
    injectFault("ingest", "reject");

    Outcome rejected = run();

    assertThat(rejected.code()).isEqualTo(ExitCode.INPUT_REJECTED.code());
    assertThat(rejected.err())
        .contains("/data/tx.csv", "unparseable_amount (30: lines 2, 5-6, ...)", "max_reject_ratio");
  }

  @Test
  void aDateLockedByAnotherRunIsRefusedWithExitFour() throws IOException {
    try (var held = new RunLocks(dir.resolve("work")).tryAcquire(LocalDate.parse(AS_OF)).get()) {
      Outcome refused = run();

      assertThat(refused.code()).isEqualTo(ExitCode.ALREADY_RUNNING.code());
      assertThat(refused.err()).contains("in progress");
    }
    assertThat(ProbeStage.calls(warehouse)).as("nothing ran").isEmpty();
    assertThat(run().code()).as("once the lock is free the date runs").isZero();
  }

  @Test
  void stagesWithoutABeanAreSkipped() throws IOException {
    Outcome outcome =
        idic(
            List.of(SomeProbeStages.class),
            "run",
            "--conf=" + dir.resolve("idic.yaml"),
            "--as-of=" + AS_OF);

    assertThat(outcome.code()).isZero();
    assertThat(ProbeStage.calls(warehouse).keySet()).containsExactly("ingest", "publish", "tiers");
  }

  @Test
  void withoutAsOfTheRunIsForYesterdayInTheConfiguredZone() throws IOException {
    // 2026-11-23T20:00Z is already 2026-11-24 in Auckland, so yesterday there is 2026-11-23.
    Outcome outcome = idic("run", "--conf=" + dir.resolve("idic.yaml"));

    assertThat(outcome.out()).contains("Run for 2026-11-23 completed");
  }

  @Test
  void invalidConfigurationExitsTwoWithOneMessage() throws IOException {
    Files.writeString(
        dir.resolve("bad.yaml"), "inputs:\n  transactions:\n    path: x\ntim_zone: UTC\n");

    Outcome outcome = idic("run", "--conf=" + dir.resolve("bad.yaml"));

    assertThat(outcome.code()).isEqualTo(ExitCode.INVALID_CONFIGURATION.code());
    assertThat(outcome.err()).contains("bad.yaml", "tim_zone", "Did you mean 'time_zone'?");
    assertThat(outcome.err()).doesNotContain("\tat ");
  }

  @Test
  void unreachableJobRepositoryExitsFive() throws IOException {
    Files.writeString(
        dir.resolve("pg.yaml"),
        """
        inputs: {transactions: {path: x}}
        job_repository: {url: 'jdbc:postgresql://127.0.0.1:1/idic', username: idic}
        """);

    Outcome outcome = idic("status", "--conf=" + dir.resolve("pg.yaml"));

    assertThat(outcome.code()).isEqualTo(ExitCode.ENVIRONMENT.code());
    assertThat(outcome.err()).contains("Cannot open the job repository", "127.0.0.1:1");
  }

  @Test
  void backfillRunsEachDateInOrderSkipsDoneOnesAndResumesAfterAFailure() throws IOException {
    String conf = "--conf=" + dir.resolve("idic.yaml");
    assertThat(idic("run", conf, "--as-of=2026-11-02").code()).isZero();
    injectFault("publish", "fail");

    Outcome stopped = idic("backfill", conf, "--from=2026-11-01", "--to=2026-11-03");

    assertThat(stopped.code()).isEqualTo(ExitCode.RUN_FAILED.code());
    assertThat(stopped.err()).contains("Backfill stopped at 2026-11-01", "failed in step publish");
    clearFault("publish");

    Outcome resumed = idic("backfill", conf, "--from=2026-11-01", "--to=2026-11-03");

    assertThat(resumed.code()).as(resumed.toString()).isZero();
    List<String> lines = resumed.out().lines().toList();
    assertThat(
            lines.stream()
                .filter(line -> line.startsWith("Run for") || line.startsWith("Backfill")))
        .containsExactly(
            "Run for 2026-11-01 completed (execution 3).",
            "Run for 2026-11-02 is already done; nothing to do. Use --force to run it again.",
            "Run for 2026-11-03 completed (execution 4).",
            "Backfill 2026-11-01 to 2026-11-03 complete.");
    assertThat(
            lines.stream()
                .filter(line -> line.matches("  \\w+ +\\d+\\.\\d s  .*"))
                .map(line -> line.strip().split(" ")[0]))
        .as(
            "a progress line per step that ran: 2026-11-01 resumed at publish, 2026-11-03 all seven")
        .hasSize(8)
        .startsWith("publish", "ingest")
        .endsWith("publish");
    assertThat(resumed.out())
        .as("the summary of the last date")
        .contains("Tables under " + warehouse + "/<table>/as_of_date=2026-11-03/");
    assertThat(ProbeStage.calls(warehouse))
        .as("three dates ingested once each; 2026-11-01 resumed at publish")
        .containsEntry("ingest", 3L)
        .containsEntry("publish", 4L);
  }

  @Test
  void aManifestThatCannotBeWrittenFailsTheRunAndTheNextRunWritesItWithoutRecomputing()
      throws IOException {
    Files.createDirectories(warehouse);
    Files.writeString(warehouse.resolve("_manifests"), "a file where the folder should be");

    Outcome failed = run();

    assertThat(failed.code()).isEqualTo(ExitCode.RUN_FAILED.code());
    assertThat(failed.err()).contains("failed after its steps (writing the run manifest)");
    Files.delete(warehouse.resolve("_manifests"));

    Outcome finished = run();

    assertThat(finished.code()).as(finished.toString()).isZero();
    assertThat(ProbeStage.calls(warehouse).values()).as("no step ran again").containsOnly(1L);
    assertThat(warehouse.resolve("_manifests/as_of_date=" + AS_OF + "/manifest.json")).exists();
  }
}
