package dev.idic.batch.job;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * The past runs of the nightly job, read from the job repository for {@code idic status}. Counts of
 * a restarted run include the steps its earlier executions completed (the restart skipped them),
 * taken from each step's latest execution in the same job instance.
 */
public final class RunHistory {

  private final JobRepository jobRepository;
  private final NightlyRuns runs;

  public RunHistory(JobRepository jobRepository) {
    this.jobRepository = jobRepository;
    this.runs = new NightlyRuns(jobRepository);
  }

  /** Every execution in the job repository, newest first. */
  public List<RunSummary> executions() {
    return runs.all().stream().map(this::summary).toList();
  }

  private RunSummary summary(JobExecution execution) {
    Map<String, Map<String, Long>> stepCounts = new LinkedHashMap<>();
    for (StepExecution step : stepsOf(execution)) {
      stepCounts.put(step.getStepName(), StepCounts.counts(step.getExecutionContext()));
    }
    Optional<Long> rowsIn =
        stepCounts.values().stream()
            .map(counts -> counts.get(StepCounts.ROWS_IN))
            .filter(Objects::nonNull)
            .findFirst();
    Optional<Long> rowsOut =
        stepCounts.values().stream()
            .map(counts -> counts.get(StepCounts.ROWS_OUT))
            .filter(Objects::nonNull)
            .reduce((first, second) -> second);
    Optional<Duration> duration =
        execution.getStartTime() == null || execution.getEndTime() == null
            ? Optional.empty()
            : Optional.of(Duration.between(execution.getStartTime(), execution.getEndTime()));
    return new RunSummary(
        execution.getId(),
        NightlyRuns.asOfDate(execution),
        execution.getJobParameters().getString(NightlyJobConfiguration.RUN_TOKEN) != null,
        execution.getStatus().name(),
        execution.getStartTime(),
        duration,
        rowsIn,
        rowsOut,
        NightlyRunner.failedStep(execution),
        stepCounts);
  }

  /**
   * The steps as this execution ran them, and the ones it skipped as already complete as the
   * execution of the same job instance that last ran them; in run order.
   */
  private List<StepExecution> stepsOf(JobExecution execution) {
    return InstanceSteps.latest(
        jobRepository.getJobExecutions(execution.getJobInstance()).stream()
            .filter(other -> other.getId() <= execution.getId())
            .flatMap(other -> other.getStepExecutions().stream()));
  }
}
