package dev.idic.batch.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idic.batch.job.StepHold;
import dev.idic.batch.testing.InProcessIdic;
import dev.idic.batch.testing.SampleRun;
import dev.idic.batch.testing.Warehouse;
import dev.idic.stages.contract.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults of the environment around a run: each gives one clear message, its exit code, and leaves
 * nothing half-done behind. Runs in-process (the real job and CLI, the shared test Spark session).
 */
class EnvironmentFaultsIT {

  @TempDir Path dir;

  @Test
  void anUnwritableWarehouseIsRefusedAtStartWithExitFive() throws Exception {
    Files.writeString(dir.resolve("not-a-folder"), "a file where the warehouse's parent should be");
    SampleRun sample = SampleRun.in(dir);
    Files.writeString(
        sample.config(),
        Files.readString(sample.config())
            .replace("warehouse: warehouse", "warehouse: not-a-folder/warehouse"));

    InProcessIdic.Outcome outcome = InProcessIdic.production(dir).execute(sample.run());

    assertThat(outcome.code()).as(outcome.output()).isEqualTo(ExitCode.ENVIRONMENT.code());
    assertThat(outcome.err())
        .contains("Cannot write to the warehouse", "not-a-folder", "IDIC_WAREHOUSE")
        .doesNotContain("\tat ");
    assertThat(InProcessIdic.production(dir).execute("status", "--conf=" + sample.config()).out())
        .as("no execution was started")
        .contains("No runs yet");
  }

  @Test
  void anUnreachableJobRepositoryIsRefusedAtStartWithExitFiveAndNothingRuns() throws Exception {
    SampleRun sample =
        SampleRun.in(dir, "job_repository: {url: 'jdbc:postgresql://127.0.0.1:1/idic'}");

    InProcessIdic.Outcome outcome = InProcessIdic.production(dir).execute(sample.run());

    assertThat(outcome.code()).as(outcome.output()).isEqualTo(ExitCode.ENVIRONMENT.code());
    assertThat(outcome.err())
        .contains("Cannot open the job repository", "127.0.0.1:1", "IDIC_JOB_REPOSITORY_URL");
    assertThat(sample.warehouse().resolve("_staging")).as("no stage ran").doesNotExist();
  }

  @Test
  void anInputVanishingMidRunRefusesTheRunAndTheRestartCompletesOnceItIsBack() throws Exception {
    SampleRun sample = SampleRun.in(dir);
    Path holds = dir.resolve("holds");
    Path away = dir.resolve("moved-away");
    InProcessIdic held =
        InProcessIdic.production(dir)
            .withEnvironment(StepHold.HOLD_AT, "ingest:before")
            .withEnvironment(StepHold.HOLD_DIR, holds.toString());

    CompletableFuture<InProcessIdic.Outcome> running =
        CompletableFuture.supplyAsync(() -> held.execute(sample.run()));
    while (!Files.exists(holds.resolve("ingest-before.reached")) && !running.isDone()) {
      LockSupport.parkNanos(50_000_000L);
    }
    Files.move(sample.transactions(), away);
    Files.writeString(holds.resolve("ingest-before.release"), "");
    InProcessIdic.Outcome vanished = running.get();

    assertThat(vanished.code()).as(vanished.output()).isEqualTo(ExitCode.INPUT_REJECTED.code());
    assertThat(vanished.err())
        .contains("transactions", "cannot be read", "restarts at step ingest")
        .doesNotContain("\tat ");
    assertThat(new Warehouse(sample.warehouse()).tables()).as("nothing was published").isEmpty();

    Files.move(away, sample.transactions());
    InProcessIdic.Outcome restarted = InProcessIdic.production(dir).execute(sample.run());

    assertThat(restarted.code()).as(restarted.output()).isZero();
    assertThat(new Warehouse(sample.warehouse()).content(SampleRun.AS_OF))
        .containsKey("customer_profile");
  }
}
