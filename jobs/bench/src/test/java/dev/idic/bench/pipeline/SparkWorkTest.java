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

  /**
   * Given two executions over one cached table (its plan text differing, as once adaptive execution
   * has run it) and one reusing an exchange, then the cached table is scanned once (when it is
   * computed) and the reused exchange's plan not again.
   */
  @Test
  void countsACachedPlanOnceAndAReusedExchangeNotAgain() throws Exception {
    String stage = "file:/w/warehouse/_staging/as_of_date=2026-11-22";
    String cached =
        """
        {"nodeName":"InMemoryTableScan","simpleString":"c","metadata":{},"children":[        {"nodeName":"Scan parquet ","simpleString":"e","metadata":{"Location":        "InMemoryFileIndex(1 paths)[STAGE/customer_engagement]"},"children":[]}]}        """;
    String reused =
        """
        {"nodeName":"ReusedExchange","simpleString":"r","metadata":{},"children":[        {"nodeName":"Scan parquet ","simpleString":"t","metadata":{"Location":        "InMemoryFileIndex(1 paths)[STAGE/customer_tiers]"},"children":[]}]}        """;
    List<String> lines = new java.util.ArrayList<>();
    for (int execution = 1; execution <= 2; execution++) {
      lines.add(
          ("{\"Event\":\"org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart\","
                  + "\"executionId\":"
                  + execution
                  + ",\"sparkPlanInfo\":{\"nodeName\":\"SortMergeJoin\",\"simpleString\":\"j\","
                  + "\"metadata\":{},\"children\":["
                  + cached.replace("\"e\"", "\"e" + execution + "\"")
                  + ","
                  + reused
                  + "]}}")
              .replace("STAGE", stage));
      lines.add(job(execution, "interactions", execution));
    }
    Files.writeString(dir.resolve("local-1"), String.join("\n", lines));

    SparkWork.StepWork interactions = SparkWork.read(dir).step("interactions");

    assertThat(interactions.stagedScans())
        .as("the cached engagement read once; the tiers only through a reused exchange")
        .isEqualTo(Map.of("customer_engagement", 1));
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
