package dev.idic.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkWorkTest {

  @TempDir Path dir;

  /**
   * Given the events Spark 4 logs for a step that scans an input and a staged table and stages a
   * table (trimmed to the fields read), then the step's jobs, writes and scans are counted.
   */
  @Test
  void countsJobsStagedWritesAndScansPerStep() throws Exception {
    String stage = "file:/w/warehouse/_staging/as_of_date=2026-11-22";
    String plan =
        """
        {"Event":"org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart",\
        "executionId":3,"sparkPlanInfo":{"nodeName":"Execute InsertIntoHadoopFsRelationCommand",\
        "simpleString":"Execute InsertIntoHadoopFsRelationCommand STAGE/customer_features, false,\
         Parquet","metadata":{},"children":[{"nodeName":"Scan parquet ","simpleString":"x",\
        "metadata":{"Location":"InMemoryFileIndex(1 paths)[file:/data/transactions]"},\
        "children":[]},{"nodeName":"Scan parquet ","simpleString":"y","metadata":{"Location":\
        "InMemoryFileIndex(1 paths)[STAGE/customer_tiers]"},"children":[]}]}}
        """
            .replace("STAGE", stage)
            .strip();
    Files.writeString(
        dir.resolve("local-1"),
        String.join(
            "\n",
            List.of(
                "{\"Event\":\"SparkListenerLogStart\"}",
                plan,
                job(1, "features", 3),
                job(2, "features", 3),
                job(3, "features", null),
                job(4, null, null))));

    SparkWork work = SparkWork.read(dir);

    SparkWork.StepWork features = work.step("features");
    assertThat(features.sparkJobs()).isEqualTo(3);
    assertThat(features.stagedWrites()).as("one execution, counted once").isEqualTo(1);
    assertThat(features.inputScans()).isEqualTo(Map.of("transactions", 1));
    assertThat(features.stagedScans()).isEqualTo(Map.of("customer_tiers", 1));
    assertThat(work.step("outside steps").sparkJobs()).isEqualTo(1);
    assertThat(work.step("publish")).isEqualTo(SparkWork.StepWork.NONE);
  }

  private static String job(int id, String group, Integer execution) {
    StringBuilder properties = new StringBuilder();
    if (group != null) {
      properties.append("\"spark.jobGroup.id\":\"").append(group).append('"');
    }
    if (execution != null) {
      properties.append(",\"spark.sql.execution.id\":\"").append(execution).append('"');
    }
    return "{\"Event\":\"SparkListenerJobStart\",\"Job ID\":"
        + id
        + ",\"Properties\":{"
        + properties
        + "}}";
  }
}
