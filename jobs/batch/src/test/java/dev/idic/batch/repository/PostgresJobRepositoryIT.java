package dev.idic.batch.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idic.batch.job.StepHold;
import dev.idic.batch.testing.AllProbeStages;
import dev.idic.batch.testing.IdicProcess;
import dev.idic.batch.testing.InProcessIdic;
import dev.idic.batch.testing.PostgresExtension;
import dev.idic.batch.testing.PostgresServer;
import dev.idic.batch.testing.ProbeStage;
import dev.idic.batch.testing.SampleRun;
import dev.idic.batch.testing.Warehouse;
import dev.idic.stages.contract.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The production job repository: a real PostgreSQL 15 server started by the test fixture. */
@ExtendWith(PostgresExtension.class)
class PostgresJobRepositoryIT {

  private static final String PASSWORD_ENV = "IDIC_TEST_PG_PASSWORD";
  private static final AtomicInteger DATABASES = new AtomicInteger();

  @TempDir Path dir;

  private static String jobRepository(PostgresServer postgres) {
    String url = postgres.createDatabase("idic_" + DATABASES.incrementAndGet());
    return "job_repository:\n  url: "
        + url
        + "\n  username: "
        + PostgresServer.USER
        + "\n  password_env: "
        + PASSWORD_ENV;
  }

  @Test
  void aFullRunOnTheRealCliKeepsItsHistoryInPostgresAndNeverShowsThePassword(
      PostgresServer postgres) throws IOException {
    SampleRun sample = SampleRun.in(dir, jobRepository(postgres));
    IdicProcess idic = new IdicProcess(dir).withEnvironment(PASSWORD_ENV, postgres.password());

    IdicProcess.Result run = idic.run(sample.run("--verbose"));
    IdicProcess.Result again = idic.run(sample.run());
    IdicProcess.Result status = idic.run("status", "--conf=" + sample.config());

    assertThat(run.code()).as("full run against PostgreSQL: " + run.output()).isZero();
    assertThat(again.out()).as("the repository remembers the date").contains("already done");
    assertThat(status.out()).contains(SampleRun.AS_OF.toString(), "COMPLETED");
    assertThat(Files.exists(sample.workDir().resolve("job-repository")))
        .as("no embedded H2 database was created")
        .isFalse();
    assertThat(new Warehouse(sample.warehouse()).content(SampleRun.AS_OF))
        .containsKey("customer_profile");
    assertThat(Files.readString(sample.config()))
        .as("the configuration names the variable, not the password")
        .doesNotContain(postgres.password());
    for (IdicProcess.Result result : new IdicProcess.Result[] {run, again, status}) {
      assertThat(result.out() + result.err())
          .as("the password appears in no output")
          .doesNotContain(postgres.password());
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(
                new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
            .as("the password appears in no file the run left (logs included): " + file)
            .doesNotContain(postgres.password());
      }
    }
  }

  @Test
  void aFailedRunRestartsAtItsFailedStepAndStatusReadsFromPostgres(PostgresServer postgres)
      throws IOException {
    Files.writeString(
        dir.resolve("idic.yaml"),
        "warehouse: warehouse\nwork_dir: work\ninputs: {transactions: {path: tx.csv}}\n"
            + jobRepository(postgres)
            + "\n");
    Files.writeString(dir.resolve("tx.csv"), "the run manifest fingerprints it\n");
    Path warehouse = dir.resolve("warehouse");
    Files.createDirectories(warehouse.resolve("_faults"));
    Files.writeString(warehouse.resolve("_faults/tiers"), "fail");
    InProcessIdic idic =
        InProcessIdic.withStages(dir, AllProbeStages.class)
            .withEnvironment(PASSWORD_ENV, postgres.password());
    String conf = "--conf=" + dir.resolve("idic.yaml");

    InProcessIdic.Outcome failed = idic.execute("run", conf, "--as-of=2026-11-22");
    Files.delete(warehouse.resolve("_faults/tiers"));
    InProcessIdic.Outcome restarted = idic.execute("run", conf, "--as-of=2026-11-22");
    InProcessIdic.Outcome status = idic.execute("status", conf);

    assertThat(failed.code()).as(failed.output()).isEqualTo(ExitCode.RUN_FAILED.code());
    assertThat(failed.err()).contains("failed in step tiers");
    assertThat(restarted.code()).as(restarted.output()).isZero();
    assertThat(ProbeStage.calls(warehouse))
        .as("the restart ran only the failed step and the ones after it")
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "ingest", 1L,
                "validation", 1L,
                "features", 1L,
                "models", 1L,
                "tiers", 2L,
                "interactions", 1L,
                "publish", 1L));
    assertThat(status.out().lines().filter(line -> line.startsWith("2026-11-22")).toList())
        .as("status lists both executions from PostgreSQL, newest first\n" + status.out())
        .satisfiesExactly(
            newest -> assertThat(newest).contains("COMPLETED"),
            oldest -> assertThat(oldest).contains("FAILED", "tiers"));
  }

  @Test
  void aRunOnAnotherHostSharingTheRepositoryIsRefusedWhileTheFirstRuns(PostgresServer postgres)
      throws Exception {
    String repository = jobRepository(postgres);
    Files.writeString(dir.resolve("tx.csv"), "the run manifest fingerprints it\n");
    for (String host : List.of("host-a", "host-b")) {
      // Separate work folders, as on two machines: the file locks cannot see each other.
      Files.createDirectories(dir.resolve(host));
      Files.writeString(
          dir.resolve(host).resolve("idic.yaml"),
          "work_dir: work\nwarehouse: ../warehouse\ninputs: {transactions: {path: ../tx.csv}}\n"
              + repository
              + "\n");
    }
    Path holds = dir.resolve("holds");
    InProcessIdic hostA =
        InProcessIdic.withStages(dir, AllProbeStages.class)
            .withEnvironment(PASSWORD_ENV, postgres.password())
            .withEnvironment(StepHold.HOLD_AT, "ingest:before")
            .withEnvironment(StepHold.HOLD_DIR, holds.toString());
    CompletableFuture<InProcessIdic.Outcome> first =
        CompletableFuture.supplyAsync(
            () ->
                hostA.execute(
                    "run", "--conf=" + dir.resolve("host-a/idic.yaml"), "--as-of=2026-11-22"));
    while (!Files.exists(holds.resolve("ingest-before.reached")) && !first.isDone()) {
      LockSupport.parkNanos(50_000_000L);
    }

    InProcessIdic.Outcome second =
        InProcessIdic.withStages(dir, AllProbeStages.class)
            .withEnvironment(PASSWORD_ENV, postgres.password())
            .execute("run", "--conf=" + dir.resolve("host-b/idic.yaml"), "--as-of=2026-11-22");
    Files.writeString(holds.resolve("ingest-before.release"), "");

    assertThat(second.code()).as(second.output()).isEqualTo(ExitCode.ALREADY_RUNNING.code());
    assertThat(first.get().code()).as("the first run completes: " + first.get().output()).isZero();
    assertThat(ProbeStage.datesOf(dir.resolve("warehouse"), "ingest"))
        .as("only the first run ran the date")
        .containsExactly("2026-11-22");
  }

  @Test
  void aMissingPasswordVariableIsAConfigurationErrorNamingIt(PostgresServer postgres)
      throws IOException {
    Files.writeString(
        dir.resolve("idic.yaml"),
        "inputs: {transactions: {path: tx.csv}}\n" + jobRepository(postgres) + "\n");

    InProcessIdic.Outcome outcome =
        InProcessIdic.withStages(dir, AllProbeStages.class)
            .execute("status", "--conf=" + dir.resolve("idic.yaml"));

    assertThat(outcome.code()).isEqualTo(ExitCode.INVALID_CONFIGURATION.code());
    assertThat(outcome.err()).contains(PASSWORD_ENV, "not set");
  }

  @Test
  void aWrongPasswordIsRefusedWithExitFiveWithoutEchoingIt(PostgresServer postgres)
      throws IOException {
    Files.writeString(
        dir.resolve("idic.yaml"),
        "inputs: {transactions: {path: tx.csv}}\n" + jobRepository(postgres) + "\n");
    String wrong = "wrong-" + postgres.password();

    InProcessIdic.Outcome outcome =
        InProcessIdic.withStages(dir, AllProbeStages.class)
            .withEnvironment(PASSWORD_ENV, wrong)
            .execute("run", "--conf=" + dir.resolve("idic.yaml"), "--as-of=2026-11-22");

    assertThat(outcome.code()).as(outcome.output()).isEqualTo(ExitCode.ENVIRONMENT.code());
    assertThat(outcome.err())
        .contains("Cannot open the job repository", "127.0.0.1:" + postgres.port())
        .doesNotContain(wrong);
  }
}
