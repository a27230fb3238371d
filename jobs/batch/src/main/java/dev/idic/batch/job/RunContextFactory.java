package dev.idic.batch.job;

import dev.idic.stages.contract.RunContext;
import dev.idic.stages.contract.RunPaths;
import dev.idic.stages.settings.PipelineSettings;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the {@link RunContext} a stage runs with. The SparkSession is supplied lazily, so commands
 * that never run a stage (status) never start Spark.
 */
public final class RunContextFactory {

  private final Supplier<SparkSession> spark;
  private final PipelineSettings settings;

  public RunContextFactory(Supplier<SparkSession> spark, PipelineSettings settings) {
    this.spark = spark;
    this.settings = settings;
  }

  public RunContext create(LocalDate asOfDate) {
    return new RunContext(
        spark.get(), asOfDate, settings, new RunPaths(settings.warehouse(), asOfDate));
  }
}
