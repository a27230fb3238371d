package dev.idic.batch.job;

import dev.idic.stages.contract.Dataflow;
import dev.idic.stages.contract.Stage;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The nightly job: one instance per as-of date, one step per stage of the {@link NightStages} bean,
 * in the order the stages' table declarations give ({@link Dataflow#order}).
 *
 * <p>Steps run under a resourceless transaction manager: a stage writes files, not database rows,
 * and a Spark stage may run for minutes, which must not hold a job repository transaction open. The
 * repository's own updates run in their own JDBC transactions.
 */
@Configuration(proxyBeanMethods = false)
public class NightlyJobConfiguration {

  public static final String JOB_NAME = "nightly";

  /** Identifying job parameter: the as-of date of the run. */
  public static final String AS_OF_DATE = "as_of_date";

  /** Identifying job parameter added by {@code --force}, so a completed date runs again. */
  public static final String RUN_TOKEN = "run_token";

  @Bean
  public Job nightly(
      JobRepository jobRepository,
      NightStages stages,
      RunContextFactory contexts,
      StepHold hold,
      StepProgress progress) {
    ResourcelessTransactionManager noTransactions = new ResourcelessTransactionManager();
    SimpleJobBuilder job = null;
    for (Stage stage : Dataflow.order(stages.stages())) {
      Step step =
          new StepBuilder(stage.name(), jobRepository)
              .tasklet(new StageTasklet(stage, contexts, hold), noTransactions)
              .listener(progress)
              .build();
      job = job == null ? new JobBuilder(JOB_NAME, jobRepository).start(step) : job.next(step);
    }
    if (job == null) {
      throw new IllegalStateException(
          "No stage is registered: list the stages in the NightStages bean.");
    }
    return job.validator(
            new DefaultJobParametersValidator(new String[] {AS_OF_DATE}, new String[] {RUN_TOKEN}))
        .listener(new RunManifestListener(jobRepository, contexts))
        .listener(new StagingCleanupListener(contexts))
        .build();
  }
}
