package dev.idic.stages.contract;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark settings every step of the pipeline runs under, applied once by whoever builds the
 * session (the CLI, the test harness). A stage must not change the shared session: a restart that
 * skips it would run the later steps under other settings.
 */
public final class PipelineSparkConf {

  public static final String SESSION_TIME_ZONE = "spark.sql.session.timeZone";

  /**
   * The session runs in UTC whatever the configured time zone: timestamps are stored as instants,
   * and ingest parses zone-less times as UTC wall time before shifting them from the configured
   * zone (see {@code ColumnValues}).
   */
  public static final String TIME_ZONE = "UTC";

  private static final Map<String, String> ENTRIES =
      Map.of(
          SESSION_TIME_ZONE,
          TIME_ZONE,
          // Ingest's validation plan has a projection per check and several aliases per column;
          // Catalyst's constraint propagation grows combinatorially with them (minutes of planning,
          // gigabytes of heap) and gives the pipeline's plans nothing.
          "spark.sql.constraintPropagation.enabled",
          "false",
          // Spark stops generating code for plans with more than 100 fields; the customer profile
          // and engagement tables have about 130, and their joins ran row by row at half the speed.
          "spark.sql.codegen.maxFields",
          "400");

  private PipelineSparkConf() {}

  /** The settings as key/value pairs, for {@code SparkSession.Builder#config}. */
  public static Map<String, String> entries() {
    return ENTRIES;
  }

  /**
   * Fails when {@code spark} does not run in {@value #TIME_ZONE}: local times would be read and
   * days cut in another zone. {@code where} names the step that needs it.
   */
  public static void requireSessionTimeZone(SparkSession spark, String where) {
    String zone = spark.conf().get(SESSION_TIME_ZONE);
    if (!isUtc(zone)) {
      throw IdicErrors.runFailed(
          where,
          "the Spark session time zone is '" + zone + "', but the pipeline needs " + TIME_ZONE,
          "build the session with PipelineSparkConf.entries() and remove "
              + SESSION_TIME_ZONE
              + " from the spark.conf section of the configuration");
    }
  }

  private static boolean isUtc(String zone) {
    try {
      return ZoneId.of(zone).normalized().equals(ZoneOffset.UTC);
    } catch (DateTimeException notAZone) {
      return false;
    }
  }
}
