package dev.idic.batch.cli;

import dev.idic.batch.PipelineStages;
import dev.idic.batch.config.SparkConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;

/**
 * What the commands take from the world: the environment, the current folder, the clock, how to get
 * the SparkSession and which stages make up the job. Production uses {@link #production()}; tests
 * pass their own (shared test session, fake stages, fixed clock).
 *
 * @param environment environment variables
 * @param currentDirectory where relative paths from flags and environment resolve
 * @param clock the wall clock, for the default as-of date
 * @param spark builds (or returns) the process's SparkSession, called at most once per command
 * @param stageConfigurations Spring configuration classes declaring the NightStages bean
 */
public record IdicRuntime(
    Map<String, String> environment,
    Path currentDirectory,
    Clock clock,
    Function<SparkConfig, SparkSession> spark,
    List<Class<?>> stageConfigurations) {

  public IdicRuntime {
    environment = Map.copyOf(environment);
    stageConfigurations = List.copyOf(stageConfigurations);
  }

  public static IdicRuntime production() {
    return new IdicRuntime(
        System.getenv(),
        Path.of("").toAbsolutePath(),
        Clock.systemUTC(),
        SparkSessions::create,
        List.of(PipelineStages.class));
  }
}
