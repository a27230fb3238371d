package dev.idic.stages.contract;

/**
 * One step of the nightly run. A stage reads what earlier stages staged under the run's staging
 * folder, does its work with pure {@code Dataset<Row>} transforms, and stages its own output, all
 * through {@link RunContext#tables(Stage)} and as declared by {@link #io()} (see {@link Dataflow}).
 * Only the publish stage writes to the warehouse. Stages must be restartable: running one again for
 * the same run overwrites what it staged before.
 */
public interface Stage {

  /** The tables the stage reads and writes; one of the {@link Dataflow} constants. */
  StageIo io();

  /** Step name, also the Spark job group the stage's actions run under. */
  default String name() {
    return io().stage();
  }

  StageReport run(RunContext context);
}
