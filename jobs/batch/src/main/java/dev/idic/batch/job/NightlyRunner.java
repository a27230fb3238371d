package dev.idic.batch.job;

import dev.idic.batch.job.RunOutcome.Result;
import dev.idic.stages.contract.Dataflow;
import dev.idic.stages.contract.ExitCode;
import dev.idic.stages.contract.IdicErrors;
import dev.idic.stages.contract.IdicException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Runs the nightly job for an as-of date with the semantics a scheduler needs: a completed date is
 * a no-op, a failed date restarts at its failed step, {@link RunMode#FORCE} reruns on purpose, and
 * a date that another process is running is refused.
 */
public final class NightlyRunner {

  private static final Logger LOG = LoggerFactory.getLogger(NightlyRunner.class);

  private final JobOperator jobOperator;
  private final Job nightly;
  private final NightlyRuns runs;
  private final RunLocks locks;

  public NightlyRunner(
      JobOperator jobOperator, JobRepository jobRepository, Job nightly, RunLocks locks) {
    this.jobOperator = jobOperator;
    this.nightly = nightly;
    this.runs = new NightlyRuns(jobRepository);
    this.locks = locks;
  }

  /** Runs (or resumes, or skips) the nightly job for one as-of date. */
  public RunOutcome run(LocalDate asOfDate, RunMode mode) {
    return run(asOfDate, mode, () -> {});
  }

  /**
   * As {@link #run(LocalDate, RunMode)}, calling {@code beforeStart} before a new execution starts
   * (not before a restart, which may not read the inputs again, nor for a date already done): a
   * check that throws there refuses the run before anything was recorded or Spark started.
   */
  public RunOutcome run(LocalDate asOfDate, RunMode mode, Runnable beforeStart) {
    Optional<RunLocks.Held> lock = locks.tryAcquire(asOfDate);
    if (lock.isEmpty()) {
      return alreadyRunning(asOfDate);
    }
    try (RunLocks.Held held = lock.get()) {
      return runLocked(asOfDate, mode, beforeStart);
    } catch (JobExecutionAlreadyRunningException e) {
      return alreadyRunning(asOfDate);
    } catch (JobInstanceAlreadyCompleteException e) {
      return alreadyDone(asOfDate);
    } catch (Exception e) {
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw IdicErrors.runFailed(
          "nightly job for " + asOfDate,
          "cannot be launched: " + e.getMessage(),
          "check the job repository (idic status) and run the same command again",
          e);
    }
  }

  private RunOutcome runLocked(LocalDate asOfDate, RunMode mode, Runnable beforeStart)
      throws Exception {
    Optional<JobExecution> latest = runs.forDate(asOfDate).stream().findFirst();
    if (latest.isPresent() && latest.get().isRunning()) {
      // We hold the date's lock, so whoever left this execution running is gone.
      LOG.warn(
          "Execution {} for {} was left running by a process that ended; marking it failed so it"
              + " can restart",
          latest.get().getId(),
          asOfDate);
      latest = Optional.of(jobOperator.recover(latest.get()));
    }
    JobExecution execution;
    if (mode == RunMode.RESUME && latest.isPresent()) {
      BatchStatus status = latest.get().getStatus();
      if (status == BatchStatus.COMPLETED) {
        return alreadyDone(asOfDate);
      }
      if (status == BatchStatus.FAILED || status == BatchStatus.STOPPED) {
        LOG.info(
            "Restarting execution {} for {} at its failed step", latest.get().getId(), asOfDate);
        execution = jobOperator.restart(latest.get());
      } else {
        beforeStart.run();
        execution = jobOperator.start(nightly, parameters(asOfDate, RunMode.FORCE));
      }
    } else {
      RunMode effective = latest.isPresent() ? RunMode.FORCE : RunMode.RESUME;
      beforeStart.run();
      execution = jobOperator.start(nightly, parameters(asOfDate, effective));
    }
    return outcome(asOfDate, execution);
  }

  private static JobParameters parameters(LocalDate asOfDate, RunMode mode) {
    JobParametersBuilder parameters =
        new JobParametersBuilder().addLocalDate(NightlyJobConfiguration.AS_OF_DATE, asOfDate, true);
    if (mode == RunMode.FORCE) {
      parameters.addString(NightlyJobConfiguration.RUN_TOKEN, UUID.randomUUID().toString(), true);
    }
    return parameters.toJobParameters();
  }

  private static RunOutcome outcome(LocalDate asOfDate, JobExecution execution) {
    if (execution.getStatus() == BatchStatus.COMPLETED) {
      List<String> lines = new ArrayList<>();
      lines.add("Run for " + asOfDate + " completed (execution " + execution.getId() + ").");
      for (StepExecution step : execution.getStepExecutions()) {
        if (step.getStepName().equals(Dataflow.INGEST.stage())) {
          lines.addAll(IngestSummary.lines(StepCounts.counts(step.getExecutionContext())));
        }
        if (step.getStepName().equals(Dataflow.VALIDATION.stage())) {
          lines.addAll(ValidationSummary.lines(StepCounts.details(step.getExecutionContext())));
        }
        StepCounts.warnings(step.getExecutionContext())
            .forEach(w -> lines.add("Warning (" + step.getStepName() + "): " + w));
      }
      return new RunOutcome(Result.COMPLETED, asOfDate, String.join("\n", lines));
    }
    Optional<IdicException> userError =
        execution.getAllFailureExceptions().stream()
            .map(NightlyRunner::userError)
            .flatMap(Optional::stream)
            .findFirst();
    Optional<IdicException> rejected =
        userError.filter(error -> error.exitCode() == ExitCode.INPUT_REJECTED);
    if (rejected.isPresent()) {
      String step = failedStep(execution).orElse("(no step)");
      return new RunOutcome(
          Result.INPUT_REJECTED,
          asOfDate,
          rejected.get().getMessage()
              + " Once fixed, run the same command again: it restarts at step "
              + step
              + ".");
    }
    Optional<IdicException> misconfigured =
        userError.filter(error -> error.exitCode() == ExitCode.INVALID_CONFIGURATION);
    if (misconfigured.isPresent()) {
      // A setting only the data can judge (an exclusion rule that is no condition on this input's
      // columns) is still the configuration's fault: the same exit code as the checks at start.
      String step = failedStep(execution).orElse("(no step)");
      return new RunOutcome(
          Result.INVALID_CONFIGURATION,
          asOfDate,
          misconfigured.get().getMessage()
              + " Once fixed, run the same command again: it restarts at step "
              + step
              + ".");
    }
    Optional<IdicException> gate =
        userError.filter(error -> error.exitCode() == ExitCode.QUALITY_GATE_FAILED);
    if (gate.isPresent()) {
      // The same data fails the same gate: a plain restart would only repeat it.
      return new RunOutcome(Result.QUALITY_GATE_FAILED, asOfDate, gate.get().getMessage());
    }
    // A message written for the user already ends with its fix; a bare exception gets one.
    String cause =
        userError
            .map(error -> error.getMessage() + " Then")
            .orElseGet(
                () ->
                    execution.getAllFailureExceptions().stream()
                            .findFirst()
                            .map(NightlyRunner::describe)
                            .orElse("status " + execution.getStatus())
                        + ". Fix the cause and");
    Optional<String> step = failedStep(execution);
    String where =
        step.map(name -> " failed in step " + name)
            .orElse(" failed after its steps (writing the run manifest)");
    String resume =
        step.map(name -> "it restarts at step " + name)
            .orElse("it skips the completed steps and finishes");
    return new RunOutcome(
        Result.FAILED,
        asOfDate,
        "Run for "
            + asOfDate
            + where
            + ": "
            + cause
            + " run the same command again: "
            + resume
            + ".");
  }

  /**
   * The error written for the user behind a step failure, if any. Bad input ends the run with its
   * own exit code; any other error in a step leaves a run that restarts at that step (exit 1).
   */
  private static Optional<IdicException> userError(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IdicException error) {
        return Optional.of(error);
      }
    }
    return Optional.empty();
  }

  private static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? "" : ": " + root.getMessage();
    return root.getClass().getSimpleName() + message;
  }

  static Optional<String> failedStep(JobExecution execution) {
    return execution.getStepExecutions().stream()
        .filter(step -> step.getStatus() == BatchStatus.FAILED)
        .map(StepExecution::getStepName)
        .findFirst();
  }

  private static RunOutcome alreadyRunning(LocalDate asOfDate) {
    return new RunOutcome(
        Result.ALREADY_RUNNING,
        asOfDate,
        "Another idic run for "
            + asOfDate
            + " is in progress; this one was not started. Wait for it to finish (idic status"
            + " shows it).");
  }

  private static RunOutcome alreadyDone(LocalDate asOfDate) {
    return new RunOutcome(
        Result.ALREADY_DONE,
        asOfDate,
        "Run for " + asOfDate + " is already done; nothing to do. Use --force to run it again.");
  }
}
