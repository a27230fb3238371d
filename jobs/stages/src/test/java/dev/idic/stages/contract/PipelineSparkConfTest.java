package dev.idic.stages.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idic.stages.testing.LocalSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class PipelineSparkConfTest {

  @Test
  void theTestSessionRunsUnderThePipelineSettings() {
    SparkSession spark = LocalSpark.session();
    PipelineSparkConf.entries()
        .forEach(
            (key, value) ->
                assertThat(spark.conf().get(key)).as("setting %s", key).isEqualTo(value));
    assertThatCode(() -> PipelineSparkConf.requireSessionTimeZone(spark, "step ingest"))
        .as("a UTC session passes")
        .doesNotThrowAnyException();
  }

  @Test
  void aSessionInAnotherZoneFailsNamingTheZoneAndTheFix() {
    // A new session has SQL settings of its own: the shared one stays untouched.
    SparkSession other = LocalSpark.session().newSession();
    other.conf().set(PipelineSparkConf.SESSION_TIME_ZONE, "Europe/Berlin");

    assertThatThrownBy(() -> PipelineSparkConf.requireSessionTimeZone(other, "step ingest"))
        .isInstanceOfSatisfying(
            IdicException.class,
            e -> assertThat(e.exitCode()).as("exit code").isEqualTo(ExitCode.RUN_FAILED))
        .hasMessageStartingWith("step ingest: ")
        .hasMessageContaining("'Europe/Berlin'")
        .hasMessageContaining("Fix: build the session with PipelineSparkConf.entries()");
  }
}
