package dev.idic.bench.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.idic.synth.GeneratedData;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * The configuration of one measured run: the shipped {@code conf/idic.yaml} with only its folders
 * (work folder, warehouse, job repository) and inputs replaced, so the benchmark measures the
 * defaults a user gets, plus any Spark settings given on the benchmark's command line.
 */
final class BenchConfig {

  private static final YAMLMapper YAML = new YAMLMapper();

  private BenchConfig() {}

  /**
   * Writes {@code runDir/idic.yaml} and returns it.
   *
   * @param holdout {@code validation.holdout} of the run, in the shipped time unit; 0 leaves the
   *     shipped setting
   */
  static Path write(
      Path shippedConf, Path runDir, GeneratedData data, Map<String, String> sparkConf, int holdout)
      throws IOException {
    ObjectNode conf = (ObjectNode) YAML.readTree(shippedConf.toFile());
    conf.put("work_dir", runDir.toString());
    conf.put("warehouse", runDir.resolve("warehouse").toString());
    ObjectNode inputs = conf.putObject("inputs");
    parquet(inputs, "transactions", data.transactions());
    if (data.interactions() != null) {
      parquet(inputs, "interactions", data.interactions());
    }
    parquet(inputs, "customers", data.customers());
    parquet(inputs, "wallet_estimates", data.walletEstimates());
    conf.putObject("job_repository").put("url", jdbcUrl(runDir));
    if (holdout > 0) {
      JsonNode validation = conf.path("validation");
      (validation.isObject() ? (ObjectNode) validation : conf.putObject("validation"))
          .put("holdout", holdout);
    }
    JsonNode spark = conf.path("spark");
    ObjectNode sparkNode = spark.isObject() ? (ObjectNode) spark : conf.putObject("spark");
    JsonNode extra = sparkNode.path("conf");
    ObjectNode confNode = extra.isObject() ? (ObjectNode) extra : sparkNode.putObject("conf");
    sparkConf.forEach(confNode::put);
    Path file = runDir.resolve("idic.yaml");
    YAML.writeValue(file.toFile(), conf);
    return file;
  }

  /** The run's own job repository, so every size starts from an empty one. */
  static String jdbcUrl(Path runDir) {
    return "jdbc:h2:file:" + runDir.resolve("job-repository").resolve("idic") + ";AUTO_SERVER=TRUE";
  }

  static String localPath(String uri) {
    return uri.startsWith("file:") ? Path.of(URI.create(uri)).toString() : uri;
  }

  private static void parquet(ObjectNode inputs, String name, String uri) {
    inputs.putObject(name).put("path", localPath(uri)).put("format", "parquet");
  }
}
