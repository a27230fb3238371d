package dev.idic.batch.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idic.batch.testing.InProcessIdic;
import dev.idic.batch.testing.SampleRun;
import dev.idic.batch.testing.Warehouse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same input and as-of date, same tables: a run in a fresh working folder (new job repository, new
 * warehouse) publishes content identical, row by row, to the first run's, model parameters included
 * (only wall-clock timings differ, see {@link Warehouse#TIMING_COLUMNS}). Reruns in the same folder
 * are compared the same way by {@link KilledRunIT}.
 */
class DeterminismIT {

  @TempDir Path dir;

  @Test
  void runsOfTheSameDateOnTheSameInputPublishIdenticalTables() throws Exception {
    Path input = dir.resolve("input");
    SampleRun.generateInput(input);
    // Both read the one input, so even source_file in quarantine is the same.
    SampleRun first = SampleRun.sharingInput(dir.resolve("first"), input);
    SampleRun fresh = SampleRun.sharingInput(dir.resolve("fresh"), input);

    InProcessIdic.Outcome one = InProcessIdic.production(first.folder()).execute(first.run());
    Map<String, List<String>> original = new Warehouse(first.warehouse()).content(SampleRun.AS_OF);
    InProcessIdic.Outcome other = InProcessIdic.production(fresh.folder()).execute(fresh.run());
    Map<String, List<String>> elsewhere = new Warehouse(fresh.warehouse()).content(SampleRun.AS_OF);

    assertThat(List.of(one.code(), other.code())).as(one.output() + other.output()).containsOnly(0);
    assertThat(original)
        .as("tables published")
        .containsKeys("customer_profile", "quarantine", "model_fit");
    assertThat(original.get("quarantine")).as("the generator's malformed rows").isNotEmpty();
    assertThat(elsewhere).as("run in a fresh working folder").isEqualTo(original);
  }
}
