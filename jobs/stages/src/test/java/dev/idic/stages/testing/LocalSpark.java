package dev.idic.stages.testing;

import dev.idic.stages.contract.PipelineSparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The one local SparkSession of a test JVM. Creating a session per test class costs seconds each;
 * all tests share this one and must not stop it.
 */
public final class LocalSpark {

  private static final SparkSession SESSION = build();

  private LocalSpark() {}

  public static SparkSession session() {
    return SESSION;
  }

  /** The pipeline's own settings, as the CLI sets them, so that no test relies on a stage's. */
  private static SparkSession build() {
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName("idic-tests")
            .master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.driver.host", "127.0.0.1");
    PipelineSparkConf.entries().forEach(builder::config);
    return builder.getOrCreate();
  }
}
