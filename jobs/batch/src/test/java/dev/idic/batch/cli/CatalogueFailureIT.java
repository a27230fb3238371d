package dev.idic.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idic.batch.testing.InProcessIdic;
import dev.idic.batch.testing.SampleRun;
import dev.idic.batch.testing.Warehouse;
import dev.idic.stages.contract.ExitCode;
import dev.idic.stages.publish.WarehouseCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalogue that cannot be written fails the night after its partitions are in place: they stay
 * published and complete, the run exits 1 naming the catalogue, and the same command, once the
 * cause is gone, restarts at publish and writes the catalogue.
 */
class CatalogueFailureIT {

  @TempDir Path dir;

  @Test
  void aCatalogueThatCannotBeWrittenFailsTheRunButNotItsTables() throws Exception {
    SampleRun sample = SampleRun.in(dir);
    InProcessIdic idic = InProcessIdic.production(sample.folder());
    // A non-empty folder where the catalogue file goes: the rename over it fails.
    Path blocker = sample.warehouse().resolve(WarehouseCatalog.FILE_NAME);
    Files.createDirectories(blocker.resolve("in-the-way"));

    InProcessIdic.Outcome failed = idic.execute(sample.run());

    assertThat(failed.code()).as(failed.output()).isEqualTo(ExitCode.RUN_FAILED.code());
    assertThat(failed.err())
        .contains("failed in step publish")
        .contains("warehouse catalogue " + blocker)
        .contains("the previous catalogue is left as it was");
    assertThat(new Warehouse(sample.warehouse()).content(SampleRun.AS_OF))
        .as("every table of the night is published and complete (checked by content())")
        .containsKeys("customer_profile", "tier_summary", "list_top_20_percent");

    Files.delete(blocker.resolve("in-the-way"));
    Files.delete(blocker);
    InProcessIdic.Outcome restarted = idic.execute(sample.run());

    assertThat(restarted.code()).as(restarted.output()).isZero();
    InProcessIdic.Outcome sql =
        idic.execute(
            "sql",
            "--conf=" + sample.config(),
            "--csv",
            "SELECT count(*) AS n FROM tier_summary_latest");
    assertThat(sql.code()).as(sql.output()).isZero();
    assertThat(sql.out()).startsWith("n\n");
  }
}
