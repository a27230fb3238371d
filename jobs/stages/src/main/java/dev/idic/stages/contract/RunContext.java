package dev.idic.stages.contract;

import dev.idic.stages.settings.PipelineSettings;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;

/** What every stage of one run gets: Spark, the as-of date, the settings and the paths. */
public record RunContext(
    SparkSession spark, LocalDate asOfDate, PipelineSettings settings, RunPaths paths) {

  /** The staged tables the stage declares, and only those. */
  public StagedTables tables(Stage stage) {
    return new StagedTables(spark, paths, stage.io());
  }

  /** The as-of date with the configured zone, whose midnight ends it. */
  public AsOf asOf() {
    return new AsOf(asOfDate, settings.timeZone());
  }
}
