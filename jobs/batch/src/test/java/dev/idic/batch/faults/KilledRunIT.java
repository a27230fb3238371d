package dev.idic.batch.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idic.batch.job.StepHold;
import dev.idic.batch.testing.IdicProcess;
import dev.idic.batch.testing.JobSteps;
import dev.idic.batch.testing.SampleRun;
import dev.idic.batch.testing.Warehouse;
import dev.idic.stages.contract.ExitCode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL during each step of the real job, in a separate process: the published partition stays
 * intact and readable, nothing partial is visible, and the next run completes with the same content
 * as an uninterrupted run.
 *
 * <p>The kills are chained to keep the test short: a forced rerun of a published date is killed in
 * the first step; each following {@code run} restarts the interrupted execution and is killed in
 * the next step; the last {@code run} completes. Every process is killed after its step's stage
 * finished but before the job repository recorded it (the {@code after} hold of {@link StepHold}),
 * the harshest point: the step's output exists, yet the step must run again.
 */
class KilledRunIT {

  @TempDir Path dir;

  @Test
  void aRunKilledInEachStepLeavesThePublishedPartitionIntactAndRestartsToTheSameContent() {
    SampleRun sample = SampleRun.in(dir);
    Path holds = dir.resolve("holds");
    Warehouse warehouse = new Warehouse(sample.warehouse());

    IdicProcess.Result first = new IdicProcess(dir).run(sample.run());
    assertThat(first.code()).as("the uninterrupted run: " + first.output()).isZero();
    Map<String, List<String>> published = warehouse.content(SampleRun.AS_OF);
    assertThat(published).as("the run published tables").containsKey("customer_profile");

    List<String> steps = JobSteps.production();
    for (int i = 0; i < steps.size(); i++) {
      String step = steps.get(i);
      IdicProcess process =
          new IdicProcess(dir)
              .withEnvironment(StepHold.HOLD_AT, step + ":after")
              .withEnvironment(StepHold.HOLD_DIR, holds.toString());
      IdicProcess.Running running =
          i == 0 ? process.start(sample.run("--force")) : process.start(sample.run());
      running.awaitFile(holds.resolve(step + "-after.reached"));

      IdicProcess.Result killed = running.kill();

      assertThat(killed.code()).as("killed in " + step).isNotEqualTo(ExitCode.OK.code());
      assertThat(warehouse.content(SampleRun.AS_OF))
          .as("after a kill in step " + step + " readers see the published content unchanged")
          .isEqualTo(published);
    }

    IdicProcess.Result last = new IdicProcess(dir).run(sample.run());

    assertThat(last.code()).as("the run after the kills completes: " + last.output()).isZero();
    assertThat(last.out()).contains("completed");
    assertThat(warehouse.content(SampleRun.AS_OF))
        .as("same content as the uninterrupted run")
        .isEqualTo(published);
    IdicProcess.Result status =
        new IdicProcess(dir)
            .run("status", "--conf=" + sample.config(), "--as-of=" + SampleRun.AS_OF);
    assertThat(status.out())
        .as("the killed executions were recovered as failed, the restart completed")
        .contains("FAILED", "COMPLETED");
  }
}
