package dev.idic.batch.cli;

import dev.idic.batch.config.SparkConfig;
import dev.idic.stages.contract.PipelineSparkConf;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Builds the process's SparkSession from the configuration. */
final class SparkSessions {

  private SparkSessions() {}

  /**
   * The master from the configuration applies only when the launcher did not set one: under
   * spark-submit, {@code spark.master} is already in the Spark configuration and wins. The settings
   * every step needs ({@link PipelineSparkConf}) are set here; settings in the configuration
   * override them.
   */
  static SparkSession create(SparkConfig config) {
    SparkSession.Builder builder = SparkSession.builder().appName("idic");
    if (!new SparkConf().contains("spark.master")) {
      builder.master(config.master());
    }
    PipelineSparkConf.entries().forEach(builder::config);
    config.conf().forEach(builder::config);
    return builder.getOrCreate();
  }
}
