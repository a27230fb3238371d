package dev.idic.batch.job;

import dev.idic.stages.contract.RunContext;
import java.io.IOException;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Removes a run's staging folder once the whole job has completed, and not earlier: until the job
 * repository records the last step as done, a restart may run that step again, and it needs the
 * staged tables of the steps before it (a process killed after publish swapped the partitions but
 * before its step was recorded restarts publish). A folder left by a crash in between is hidden
 * ({@code _staging}) and overwritten by the next run of the date.
 */
final class StagingCleanupListener implements JobExecutionListener {

  private static final Logger LOG = LoggerFactory.getLogger(StagingCleanupListener.class);

  private final RunContextFactory contexts;

  StagingCleanupListener(RunContextFactory contexts) {
    this.contexts = contexts;
  }

  @Override
  public void afterJob(JobExecution execution) {
    if (execution.getStatus() != BatchStatus.COMPLETED) {
      return;
    }
    RunContext context = contexts.create(NightlyRuns.asOfDate(execution));
    Path staging = new Path(context.paths().stagingRoot());
    try {
      staging
          .getFileSystem(context.spark().sparkContext().hadoopConfiguration())
          .delete(staging, true);
    } catch (IOException e) {
      // The run's results are published; a leftover staging folder costs disk space only.
      LOG.warn("Cannot remove the staging folder {}: {}", staging, e.getMessage());
    }
  }
}
