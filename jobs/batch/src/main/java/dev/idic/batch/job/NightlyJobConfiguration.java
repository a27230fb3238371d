package dev.idic.batch.job;

import dev.idic.stages.contract.Stage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The nightly job: one instance per as-of date, one step per registered {@link Stage} bean, in the
 * fixed order of {@link #STAGE_ORDER}. A stage without a bean has no step; a bean whose name is not
 * in the order is a wiring error.
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

  public static final List<String> STAGE_ORDER =
      List.of("ingest", "features", "models", "tiers", "interactions", "publish");

  @Bean
  public Job nightly(
      JobRepository jobRepository,
      ObjectProvider<Stage> stages,
      RunContextFactory contexts,
      StepHold hold) {
    Map<String, Stage> byName = byName(stages.orderedStream().toList());
    ResourcelessTransactionManager noTransactions = new ResourcelessTransactionManager();
    SimpleJobBuilder job = null;
    for (String name : STAGE_ORDER) {
      Stage stage = byName.get(name);
      if (stage == null) {
        continue;
      }
      Step step =
          new StepBuilder(name, jobRepository)
              .tasklet(new StageTasklet(stage, contexts, hold), noTransactions)
              .build();
      job = job == null ? new JobBuilder(JOB_NAME, jobRepository).start(step) : job.next(step);
    }
    if (job == null) {
      throw new IllegalStateException(
          "No stage is registered: declare Stage beans (named "
              + STAGE_ORDER
              + ") in the stages configuration class.");
    }
    return job.validator(
            new DefaultJobParametersValidator(new String[] {AS_OF_DATE}, new String[] {RUN_TOKEN}))
        .listener(new RunManifestListener(jobRepository, contexts))
        .listener(new StagingCleanupListener(contexts))
        .build();
  }

  private static Map<String, Stage> byName(List<Stage> stages) {
    Map<String, Stage> byName = new LinkedHashMap<>();
    for (Stage stage : stages) {
      if (!STAGE_ORDER.contains(stage.name())) {
        throw new IllegalStateException(
            "Stage bean "
                + stage.getClass().getName()
                + " is named '"
                + stage.name()
                + "', which is not a step of the nightly job; use one of "
                + STAGE_ORDER);
      }
      Stage previous = byName.put(stage.name(), stage);
      if (previous != null) {
        throw new IllegalStateException(
            "Two stage beans are named '"
                + stage.name()
                + "': "
                + List.of(previous, stage).stream()
                    .map(s -> s.getClass().getName())
                    .collect(Collectors.joining(" and ")));
      }
    }
    return byName;
  }
}
