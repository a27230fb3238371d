package dev.idic.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idic.batch.testing.AllProbeStages;
import dev.idic.batch.testing.InProcessIdic;
import dev.idic.batch.testing.ProbeStage;
import dev.idic.stages.contract.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code idic backfill} on the real job with probe stages and an H2 job repository. */
class BackfillIT {

  @TempDir Path dir;

  private Path warehouse;
  private InProcessIdic idic;
  private String conf;

  @BeforeEach
  void configure() throws IOException {
    warehouse = dir.resolve("warehouse");
    Files.writeString(
        dir.resolve("idic.yaml"),
        "work_dir: work\nwarehouse: warehouse\ninputs: {transactions: {path: tx.csv}}\n");
    Files.writeString(dir.resolve("tx.csv"), "the run manifest fingerprints it\n");
    idic = InProcessIdic.withStages(dir, AllProbeStages.class);
    conf = "--conf=" + dir.resolve("idic.yaml");
  }

  @Test
  void runsEachDateInOrderSkipsDoneDatesStopsAtTheFirstFailureAndResumes() throws IOException {
    assertThat(idic.execute("run", conf, "--as-of=2026-11-20").code()).isZero();
    Files.createDirectories(warehouse.resolve("_faults"));
    Files.writeString(warehouse.resolve("_faults/tiers"), "fail");

    InProcessIdic.Outcome stopped =
        idic.execute("backfill", conf, "--from=2026-11-20", "--to=2026-11-22");

    assertThat(stopped.code()).as(stopped.output()).isEqualTo(ExitCode.RUN_FAILED.code());
    assertThat(stopped.out()).contains("Run for 2026-11-20 is already done");
    assertThat(stopped.err())
        .contains(
            "failed in step tiers", "Backfill stopped at 2026-11-21", "resume from 2026-11-21");
    assertThat(ProbeStage.datesOf(warehouse, "ingest"))
        .as("the done date was skipped and nothing ran after the failed date")
        .containsExactly("2026-11-20", "2026-11-21");

    Files.delete(warehouse.resolve("_faults/tiers"));
    InProcessIdic.Outcome resumed =
        idic.execute("backfill", conf, "--from=2026-11-20", "--to=2026-11-22");

    assertThat(resumed.code()).as(resumed.output()).isZero();
    assertThat(resumed.out())
        .contains("2026-11-20 is already done", "2026-11-21 completed", "2026-11-22 completed")
        .contains("Backfill 2026-11-20 to 2026-11-22 complete.");
    assertThat(ProbeStage.datesOf(warehouse, "ingest"))
        .as("the failed date restarted at its failed step, not at ingest")
        .containsExactly("2026-11-20", "2026-11-21", "2026-11-22");
    assertThat(ProbeStage.datesOf(warehouse, "tiers"))
        .containsExactly("2026-11-20", "2026-11-21", "2026-11-21", "2026-11-22");
    assertThat(idic.execute("backfill", conf, "--from=2026-11-20", "--to=2026-11-22").out())
        .as("a finished backfill is a no-op")
        .contains("2026-11-20 is already done", "2026-11-21 is already done")
        .contains("2026-11-22 is already done");
  }

  @Test
  void aReversedRangeIsAUsageError() {
    InProcessIdic.Outcome outcome =
        idic.execute("backfill", conf, "--from=2026-11-22", "--to=2026-11-20");

    assertThat(outcome.code()).isEqualTo(ExitCode.INVALID_CONFIGURATION.code());
    assertThat(outcome.err()).contains("--to 2026-11-20 is before --from 2026-11-22");
    assertThat(dir.resolve("work")).as("nothing was started").doesNotExist();
  }
}
