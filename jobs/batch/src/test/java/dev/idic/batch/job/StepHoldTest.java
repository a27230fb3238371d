package dev.idic.batch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepHoldTest {

  @TempDir Path dir;

  @Test
  void withoutTheVariablesItIsInert() {
    StepHold hold = StepHold.from(Map.of(StepHold.HOLD_AT, "ingest:before"));

    hold.at("ingest", StepHold.Point.BEFORE);

    assertThat(dir).as("nothing written anywhere").isEmptyDirectory();
  }

  @Test
  void otherStepsAndPointsPassThrough() {
    StepHold hold =
        StepHold.from(Map.of(StepHold.HOLD_AT, "tiers:after", StepHold.HOLD_DIR, dir.toString()));

    hold.at("tiers", StepHold.Point.BEFORE);
    hold.at("ingest", StepHold.Point.AFTER);

    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void theNamedPointAnnouncesItselfAndContinuesOnceReleased() throws Exception {
    StepHold hold =
        StepHold.from(Map.of(StepHold.HOLD_AT, "tiers:after", StepHold.HOLD_DIR, dir.toString()));
    Files.writeString(dir.resolve("tiers-after.release"), "");

    hold.at("tiers", StepHold.Point.AFTER);

    assertThat(Files.readString(dir.resolve("tiers-after.reached")))
        .as("the process id, for the test that kills it")
        .isEqualTo(Long.toString(ProcessHandle.current().pid()));
  }
}
