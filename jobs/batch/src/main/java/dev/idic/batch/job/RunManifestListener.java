package dev.idic.batch.job;

import dev.idic.stages.contract.Dataflow;
import dev.idic.stages.contract.IdicErrors;
import dev.idic.stages.contract.InputRejectedException;
import dev.idic.stages.contract.RunContext;
import dev.idic.stages.contract.Tables;
import dev.idic.stages.publish.RefusedNight;
import dev.idic.stages.publish.RunManifest;
import dev.idic.stages.settings.PipelineSettings;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Writes the run manifest once the job completes: input fingerprints, each stage's counts and wall
 * time, the settings, and the models stage's details as model results. Counts and times of steps
 * that an earlier execution of the same date completed (a restart skipped them) come from that
 * execution. Inputs are fingerprinted when the manifest is written, that is at the end of the run.
 *
 * <p>A night refused for its input ({@link InputRejectedException}) leaves its evidence where a
 * completed night's would be: the listener publishes its quarantine ({@link RefusedNight}) and
 * writes its manifest, with status {@value RunManifest#INPUT_REJECTED} and the refusing step's
 * counts.
 *
 * <p>A manifest that cannot be written fails the execution; running the same date again then skips
 * every completed step and writes it.
 */
final class RunManifestListener implements JobExecutionListener {

  private static final Logger LOG = LoggerFactory.getLogger(RunManifestListener.class);

  private final JobRepository jobRepository;
  private final RunContextFactory contexts;

  RunManifestListener(JobRepository jobRepository, RunContextFactory contexts) {
    this.jobRepository = jobRepository;
    this.contexts = contexts;
  }

  @Override
  public void afterJob(JobExecution execution) {
    if (execution.getStatus() != BatchStatus.COMPLETED) {
      if (refusedForInput(execution)) {
        publishEvidence(execution);
      }
      return;
    }
    try {
      Path written = write(execution, RunManifest.COMPLETED);
      LOG.info("Run manifest written to {}", written);
    } catch (RuntimeException e) {
      LOG.error("Cannot write the run manifest", e);
      execution.setStatus(BatchStatus.FAILED);
      execution.setExitStatus(ExitStatus.FAILED.addExitDescription(e));
      execution.addFailureException(e);
    }
  }

  private static boolean refusedForInput(JobExecution execution) {
    return execution.getAllFailureExceptions().stream().anyMatch(RunManifestListener::isRefusal);
  }

  /** The refused night stays failed whatever happens here; the message already names the paths. */
  private void publishEvidence(JobExecution execution) {
    RunContext context = contexts.create(NightlyRuns.asOfDate(execution));
    try {
      long records = RefusedNight.publishQuarantine(context);
      Path written = write(execution, RunManifest.INPUT_REJECTED);
      LOG.info(
          "Refused night: {} quarantined records published, manifest written to {}",
          records,
          written);
    } catch (RuntimeException e) {
      LOG.error(
          "Cannot publish the refused night's quarantine and manifest; the quarantined records"
              + " are staged at {}",
          context.paths().staged(Tables.QUARANTINE),
          e);
    }
  }

  private Path write(JobExecution execution, String status) {
    LocalDate asOfDate = NightlyRuns.asOfDate(execution);
    RunContext context = contexts.create(asOfDate);
    PipelineSettings settings = context.settings();
    Configuration hadoop = context.spark().sparkContext().hadoopConfiguration();
    List<JobExecution> instanceExecutions =
        jobRepository.getJobExecutions(execution.getJobInstance()).stream()
            .filter(other -> other.getId() <= execution.getId())
            .sorted(Comparator.comparingLong(JobExecution::getId))
            .toList();
    Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    Map<String, Double> seconds = new LinkedHashMap<>();
    Map<String, Object> modelResults = new LinkedHashMap<>();
    // The refusing step is this execution's failed one; the repository keeps no exceptions.
    List<StepExecution> completedSteps =
        InstanceSteps.latest(
            Stream.concat(
                instanceExecutions.stream()
                    .flatMap(other -> other.getStepExecutions().stream())
                    .filter(step -> step.getStatus() == BatchStatus.COMPLETED),
                execution.getStepExecutions().stream().filter(RunManifestListener::refusing)));
    for (StepExecution step : completedSteps) {
      counts.put(step.getStepName(), StepCounts.counts(step.getExecutionContext()));
      seconds.put(step.getStepName(), secondsBetween(step.getStartTime(), step.getEndTime()));
      if (step.getStepName().equals(Dataflow.MODELS.stage())) {
        modelResults.putAll(StepCounts.details(step.getExecutionContext()));
        modelResults.put("warnings", StepCounts.warnings(step.getExecutionContext()));
      }
      if (step.getStepName().equals(Dataflow.VALIDATION.stage())) {
        Map<String, Object> validation = new LinkedHashMap<>();
        StepCounts.details(step.getExecutionContext())
            .forEach((key, value) -> validation.put(key, value));
        validation.put("warnings", StepCounts.warnings(step.getExecutionContext()));
        modelResults.put("validation", validation);
      }
    }
    RunManifest manifest =
        new RunManifest(
            asOfDate,
            status,
            instant(instanceExecutions.get(0).getStartTime()),
            Instant.now(),
            RunManifest.fingerprints(settings, hadoop),
            counts,
            seconds,
            settings,
            modelResults);
    try {
      return manifest.writeTo(
          new Path(settings.warehouse()).getFileSystem(hadoop), settings.warehouse());
    } catch (IOException e) {
      throw IdicErrors.runFailed(
          "warehouse " + settings.warehouse(),
          "Cannot write the run manifest: " + e.getMessage(),
          "check that the warehouse is reachable and writable",
          e);
    }
  }

  private static boolean refusing(StepExecution step) {
    return step.getFailureExceptions().stream().anyMatch(RunManifestListener::isRefusal);
  }

  private static boolean isRefusal(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InputRejectedException) {
        return true;
      }
    }
    return false;
  }

  private static double secondsBetween(LocalDateTime start, LocalDateTime end) {
    return start == null || end == null
        ? 0.0
        : java.time.Duration.between(start, end).toMillis() / 1000.0;
  }

  /** Spring Batch keeps times as local date-times of the JVM that ran the job. */
  private static Instant instant(LocalDateTime time) {
    return time == null ? Instant.now() : time.atZone(ZoneId.systemDefault()).toInstant();
  }
}
