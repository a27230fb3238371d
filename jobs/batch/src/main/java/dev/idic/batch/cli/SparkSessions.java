package dev.idic.batch.cli;

import dev.idic.batch.config.SparkConfig;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Builds the process's SparkSession from the configuration. */
final class SparkSessions {

  private SparkSessions() {}

  /**
   * The master from the configuration applies only when the launcher did not set one: under
   * spark-submit, {@code spark.master} is already in the Spark configuration and wins. Session time
   * zone is UTC unless configured, so timestamps are stored as instants. Settings in the
   * configuration override the defaults set here.
   */
  static SparkSession create(SparkConfig config) {
    SparkSession.Builder builder = SparkSession.builder().appName("idic");
    if (!new SparkConf().contains("spark.master")) {
      builder.master(config.master());
    }
    builder.config("spark.sql.session.timeZone", "UTC");
    // Spark stops generating code for plans with more than 100 fields; the customer profile and
    // engagement tables have about 130, and their joins ran row by row at half the speed.
    builder.config("spark.sql.codegen.maxFields", "400");
    config.conf().forEach(builder::config);
    return builder.getOrCreate();
  }
}
