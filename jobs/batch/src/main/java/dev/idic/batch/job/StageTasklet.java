package dev.idic.batch.job;

import dev.idic.stages.contract.InputRejectedException;
import dev.idic.stages.contract.RunContext;
import dev.idic.stages.contract.Stage;
import dev.idic.stages.contract.StageReport;
import java.time.LocalDate;
import org.apache.spark.SparkContext;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Adapts one {@link Stage} to a Spring Batch step: builds the run context from the job parameters,
 * runs the stage with its Spark actions under a job group named after the step, and keeps the
 * stage's counts in the step's execution context. It computes nothing itself.
 */
record StageTasklet(Stage stage, RunContextFactory contexts, StepHold hold) implements Tasklet {

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    StepExecution step = contribution.getStepExecution();
    LocalDate asOfDate =
        step.getJobExecution().getJobParameters().getLocalDate(NightlyJobConfiguration.AS_OF_DATE);
    RunContext context = contexts.create(asOfDate);
    SparkContext sparkContext = context.spark().sparkContext();
    sparkContext.setJobGroup(
        step.getStepName(), "idic " + step.getStepName() + " as_of_date=" + asOfDate, false);
    hold.at(step.getStepName(), StepHold.Point.BEFORE);
    StageReport report;
    try {
      report = stage.run(context);
    } catch (InputRejectedException e) {
      // A refused night's counts go into its manifest like a completed night's.
      StepCounts.store(e.report(), step.getExecutionContext());
      throw e;
    } finally {
      sparkContext.clearJobGroup();
    }
    StepCounts.store(report, step.getExecutionContext());
    hold.at(step.getStepName(), StepHold.Point.AFTER);
    return RepeatStatus.FINISHED;
  }
}
