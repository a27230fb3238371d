package dev.idic.bench.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.idic.synth.GeneratedData;
import dev.idic.synth.InteractionsOutput;
import dev.idic.synth.SyntheticDataGenerator;
import dev.idic.synth.SyntheticSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * The benchmark's input for one size, generated once and kept under the work folder by size and
 * seed: a rerun finds {@code _truth.json} (written last by the generator) and skips generation.
 */
final class BenchData {

  private BenchData() {}

  /**
   * @param spark started only when the data has to be generated
   * @return where the inputs are and how many rows they hold
   */
  static GeneratedData ensure(
      Supplier<SparkSession> spark, Path dataRoot, long transactions, long seed, LocalDate asOf)
      throws IOException {
    SyntheticSpec spec = SyntheticSpec.benchmark(transactions, asOf).withSeed(seed);
    Path dir = dataRoot.resolve("tx=" + transactions + "-seed=" + seed + "-as_of=" + asOf);
    Path truth = dir.resolve("_truth.json");
    if (Files.exists(truth)) {
      JsonNode rows = new ObjectMapper().readTree(truth.toFile()).path("rows");
      String root = dir.toUri().toString().replaceAll("/$", "");
      boolean interactions = spec.interactions() == InteractionsOutput.INCLUDED;
      return new GeneratedData(
          root + "/transactions",
          interactions ? root + "/interactions" : null,
          root + "/customers",
          root + "/wallet_estimates",
          truth.toUri().toString(),
          rows.path("transactions").asLong(),
          rows.path("interactions").asLong(),
          rows.path("customers").asLong(),
          rows.path("wallet_estimates").asLong());
    }
    return SyntheticDataGenerator.generate(spark.get(), spec, dir.toUri().toString());
  }
}
