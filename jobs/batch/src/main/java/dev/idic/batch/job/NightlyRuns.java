package dev.idic.batch.job;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

/** The executions of the nightly job that the job repository holds, looked up by as-of date. */
final class NightlyRuns {

  private final JobRepository jobRepository;

  NightlyRuns(JobRepository jobRepository) {
    this.jobRepository = jobRepository;
  }

  /** Every execution of the job, newest first. */
  List<JobExecution> all() {
    return jobRepository.findJobInstances(NightlyJobConfiguration.JOB_NAME).stream()
        .flatMap(instance -> jobRepository.getJobExecutions(instance).stream())
        .sorted(Comparator.comparingLong(JobExecution::getId).reversed())
        .toList();
  }

  /** The executions for one as-of date (forced reruns included), newest first. */
  List<JobExecution> forDate(LocalDate asOfDate) {
    return all().stream()
        .filter(execution -> Objects.equals(asOfDate(execution), asOfDate))
        .toList();
  }

  static LocalDate asOfDate(JobExecution execution) {
    return execution.getJobParameters().getLocalDate(NightlyJobConfiguration.AS_OF_DATE);
  }
}
