package dev.idic.batch.cli;

import dev.idic.batch.config.SparkConfig;
import dev.idic.stages.contract.PipelineSparkConf;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Builds the process's SparkSession from the configuration. */
final class SparkSessions {

  private SparkSessions() {}

  static final String UI_ENABLED = "spark.ui.enabled";

  /**
   * The master and the UI setting from the configuration apply only where the launcher did not set
   * them: under spark-submit, {@code spark.master} (and a {@code --conf spark.ui.enabled}) are
   * already in the Spark configuration and win. The settings every step needs ({@link
   * PipelineSparkConf}) are set here; {@code spark.conf} entries in the configuration override
   * them.
   */
  static SparkSession create(SparkConfig config) {
    SparkSession.Builder builder = SparkSession.builder().appName("idic");
    SparkConf launcher = new SparkConf();
    if (!launcher.contains("spark.master")) {
      builder.master(config.master());
    }
    if (!launcher.contains(UI_ENABLED)) {
      builder.config(UI_ENABLED, config.ui());
    }
    PipelineSparkConf.entries().forEach(builder::config);
    config.conf().forEach(builder::config);
    return builder.getOrCreate();
  }
}
