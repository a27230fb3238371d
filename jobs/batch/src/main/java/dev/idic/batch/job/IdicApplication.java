package dev.idic.batch.job;

import dev.idic.batch.config.IdicConfig;
import dev.idic.stages.ingest.IngestStage;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.spark.sql.SparkSession;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The Spring context of one idic process: job repository, the nightly job and the stage beans. A
 * plain annotation-config context (no Spring Boot, whose dependency management would override
 * Spark's transitive versions).
 *
 * <p>Stages are registered by passing a {@code @Configuration} class that declares a {@link
 * NightStages} bean; {@link NightlyJobConfiguration} turns each of its stages into a step.
 */
public final class IdicApplication implements AutoCloseable {

  private final JobRepositoryDatabase database;
  private final AnnotationConfigApplicationContext context;

  private IdicApplication(
      JobRepositoryDatabase database, AnnotationConfigApplicationContext context) {
    this.database = database;
    this.context = context;
  }

  /**
   * Opens the job repository (creating its schema on first use) and wires the job.
   *
   * @param config the validated configuration
   * @param environment process environment, for the job repository password
   * @param spark supplies the process's one SparkSession, called when the first stage runs
   * @param progress where each step's progress line goes as the step ends ({@link StepProgress})
   * @param stageConfigurations configuration classes declaring the {@link NightStages} bean
   * @throws dev.idic.stages.contract.IdicException (exit code 5) when the job repository cannot be
   *     opened
   */
  public static IdicApplication open(
      IdicConfig config,
      Map<String, String> environment,
      Supplier<SparkSession> spark,
      Consumer<String> progress,
      Class<?>... stageConfigurations) {
    JobRepositoryDatabase database =
        JobRepositoryDatabase.open(config.jobRepository(), environment);
    AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
    context.registerBean("dataSource", DataSource.class, database::dataSource);
    context.registerBean(IdicConfig.class, () -> config);
    context.registerBean(
        RunContextFactory.class, () -> new RunContextFactory(spark, config.pipeline()));
    context.registerBean(
        RunLocks.class, () -> new RunLocks(config.workDir(), Optional.of(database.dataSource())));
    context.registerBean(StepHold.class, () -> StepHold.from(environment));
    context.registerBean(StepProgress.class, () -> new StepProgress(progress));
    context.register(JobRepositoryConfiguration.class, NightlyJobConfiguration.class);
    context.register(stageConfigurations);
    context.register(NightlyRunner.class);
    return refresh(database, context);
  }

  /**
   * Opens the job repository only, for commands that read the run history and need no stages.
   *
   * @throws dev.idic.stages.contract.IdicException (exit code 5) when the job repository cannot be
   *     opened
   */
  public static IdicApplication openRepository(IdicConfig config, Map<String, String> environment) {
    JobRepositoryDatabase database =
        JobRepositoryDatabase.open(config.jobRepository(), environment);
    AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
    context.registerBean("dataSource", DataSource.class, database::dataSource);
    context.register(JobRepositoryConfiguration.class);
    return refresh(database, context);
  }

  private static IdicApplication refresh(
      JobRepositoryDatabase database, AnnotationConfigApplicationContext context) {
    context.register(RunHistory.class);
    context.setAllowBeanDefinitionOverriding(false);
    try {
      context.refresh();
    } catch (RuntimeException e) {
      context.close();
      database.close();
      throw e;
    }
    return new IdicApplication(database, context);
  }

  /** Runs the nightly job; only in an application opened with {@link #open}. */
  public NightlyRunner runner() {
    return context.getBean(NightlyRunner.class);
  }

  /**
   * Whether the job's ingest step is the real one, which reads the configured inputs (test jobs
   * replace it with stages that do not).
   */
  public boolean readsInputs() {
    return context.getBean(NightStages.class).stages().stream()
        .anyMatch(IngestStage.class::isInstance);
  }

  public RunHistory history() {
    return context.getBean(RunHistory.class);
  }

  @Override
  public void close() {
    try {
      context.close();
    } finally {
      database.close();
    }
  }
}
