package dev.idic.batch.config;

import java.util.Map;

/**
 * How the run's SparkSession is built.
 *
 * @param master Spark master URL; ignored when the launcher (spark-submit) already set one
 * @param ui whether Spark's web UI runs (spark.ui.enabled) when neither the launcher nor {@code
 *     conf} sets it
 * @param conf extra Spark configuration entries, applied as given
 */
public record SparkConfig(String master, boolean ui, Map<String, String> conf) {

  public SparkConfig {
    conf = Map.copyOf(conf);
  }
}
