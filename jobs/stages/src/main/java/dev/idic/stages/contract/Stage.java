package dev.idic.stages.contract;

/**
 * One step of the nightly run. A stage reads what earlier stages staged under the run's staging
 * folder, does its work with pure {@code Dataset<Row>} transforms, and stages its own output. Only
 * the publish stage writes to the warehouse. Stages must be restartable: running one again for the
 * same run overwrites what it staged before.
 */
public interface Stage {

  /** Step name, also the Spark job group the stage's actions run under. */
  String name();

  StageReport run(RunContext context);
}
