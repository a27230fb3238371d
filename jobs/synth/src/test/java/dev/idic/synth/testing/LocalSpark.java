package dev.idic.synth.testing;

import org.apache.spark.sql.SparkSession;

/**
 * The one local SparkSession of a test JVM. Creating a session per test class costs seconds each;
 * all tests share this one and must not stop it.
 */
public final class LocalSpark {

  private static final SparkSession SESSION =
      SparkSession.builder()
          .appName("idic-synth-tests")
          .master("local[2]")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.sql.session.timeZone", "UTC")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.driver.host", "127.0.0.1")
          .getOrCreate();

  private LocalSpark() {}

  public static SparkSession session() {
    return SESSION;
  }
}
