package dev.idic.batch.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idic.batch.job.StepHold;
import dev.idic.batch.testing.IdicProcess;
import dev.idic.batch.testing.InProcessIdic;
import dev.idic.batch.testing.JobSteps;
import dev.idic.batch.testing.SampleRun;
import dev.idic.batch.testing.Warehouse;
import dev.idic.stages.contract.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two processes run the same date: the second is refused and the first is left alone. */
class ConcurrentRunIT {

  @TempDir Path dir;

  @Test
  void aSecondRunForTheSameDateIsRefusedWithExitFourAndTheFirstCompletes() throws Exception {
    SampleRun sample = SampleRun.in(dir);
    Path holds = dir.resolve("holds");
    String firstStep = JobSteps.production().get(0);
    IdicProcess.Running first =
        new IdicProcess(dir)
            .withEnvironment(StepHold.HOLD_AT, firstStep + ":before")
            .withEnvironment(StepHold.HOLD_DIR, holds.toString())
            .start(sample.run());
    first.awaitFile(holds.resolve(firstStep + "-before.reached"));

    IdicProcess.Result second = new IdicProcess(dir).run(sample.run());
    IdicProcess.Result forced = new IdicProcess(dir).run(sample.run("--force"));

    assertThat(second.code())
        .as("refused while the first runs: " + second.output())
        .isEqualTo(ExitCode.ALREADY_RUNNING.code());
    assertThat(second.err()).contains("in progress", SampleRun.AS_OF.toString());
    assertThat(forced.code()).as("--force does not override a running date").isEqualTo(4);
    assertThat(first.isAlive()).as("the first run is still going").isTrue();

    Files.writeString(holds.resolve(firstStep + "-before.release"), "");
    IdicProcess.Result done = first.awaitExit();

    assertThat(done.code()).as("the first run completes: " + done.output()).isZero();
    assertThat(new Warehouse(sample.warehouse()).content(SampleRun.AS_OF))
        .as("the first run published")
        .containsKey("customer_profile");
    InProcessIdic.Outcome status =
        InProcessIdic.production(dir).execute("status", "--conf=" + sample.config());
    assertThat(status.out().lines().filter(line -> line.startsWith(SampleRun.AS_OF.toString())))
        .as("one execution only, completed: the refused runs left no trace\n" + status.out())
        .singleElement()
        .asString()
        .contains("COMPLETED");
  }
}
