package dev.idic.batch.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idic.batch.testing.InProcessIdic;
import dev.idic.batch.testing.SampleRun;
import dev.idic.batch.testing.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same input and as-of date, same tables: a forced rerun in the same folder and a run in a fresh
 * working folder (new job repository, new warehouse) publish identical content, row by row.
 */
class DeterminismIT {

  @TempDir Path dir;

  @Test
  void runsOfTheSameDateOnTheSameInputPublishIdenticalTables() throws Exception {
    Path input = dir.resolve("input/tx.csv");
    Files.createDirectories(input.getParent());
    Files.writeString(input, SampleRun.transactions(60, 7));
    SampleRun first = SampleRun.in(dir.resolve("first"));
    SampleRun fresh = SampleRun.in(dir.resolve("fresh"));
    for (SampleRun sample : List.of(first, fresh)) {
      // Both read the one input file, so even source_file in quarantine is the same.
      Files.writeString(
          sample.config(),
          Files.readString(sample.config()).replace("path: tx.csv", "path: " + input));
    }

    InProcessIdic.Outcome one = InProcessIdic.production(first.folder()).execute(first.run());
    Map<String, List<String>> original = new Warehouse(first.warehouse()).content(SampleRun.AS_OF);
    InProcessIdic.Outcome forced =
        InProcessIdic.production(first.folder()).execute(first.run("--force"));
    Map<String, List<String>> rerun = new Warehouse(first.warehouse()).content(SampleRun.AS_OF);
    InProcessIdic.Outcome other = InProcessIdic.production(fresh.folder()).execute(fresh.run());
    Map<String, List<String>> elsewhere = new Warehouse(fresh.warehouse()).content(SampleRun.AS_OF);

    assertThat(List.of(one.code(), forced.code(), other.code()))
        .as(one.output() + forced.output() + other.output())
        .containsOnly(0);
    assertThat(original).as("tables published").containsKeys("customer_profile", "quarantine");
    assertThat(original.get("quarantine")).as("the held-back future row").hasSize(1);
    assertThat(rerun).as("forced rerun in the same folder").isEqualTo(original);
    assertThat(elsewhere).as("run in a fresh working folder").isEqualTo(original);
  }
}
