package dev.idic.synth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.idic.synth.testing.LocalSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticDataGeneratorTest {

  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);
  private static final SyntheticSpec SPEC = SyntheticSpec.demo(AS_OF).withCustomers(300);

  private final SparkSession spark = LocalSpark.session();

  @Test
  void writesCsvInputsWithContractHeadersCountsAndTruth(@TempDir Path dir) throws IOException {
    GeneratedData generated = SyntheticDataGenerator.generate(spark, SPEC, dir.toUri().toString());

    assertThat(header(dir.resolve("transactions")))
        .as("transactions header")
        .isEqualTo(
            "transaction_id,customer_id,ts,amount,currency,channel,quantity,category,store_id");
    assertThat(header(dir.resolve("interactions")))
        .as("interactions header")
        .isEqualTo(
            "interaction_id,customer_id,ts,channel,initiator,type,resolved_ts,outcome,satisfaction");
    assertThat(header(dir.resolve("customers")))
        .as("customers header")
        .isEqualTo("customer_id,signup_ts,region,segment");
    assertThat(header(dir.resolve("wallet_estimates")))
        .as("wallet estimates header")
        .isEqualTo("customer_id,estimated_category_spend");
    assertThat(readCsv(generated.transactions()).count())
        .as("reported transaction rows")
        .isEqualTo(generated.transactionRows())
        .isGreaterThan(300L * 10);
    assertThat(readCsv(generated.interactions()).count())
        .as("reported interaction rows")
        .isEqualTo(generated.interactionRows())
        .isPositive();
    assertThat(generated.customerRows()).as("customer rows").isEqualTo(300);
    assertThat(readCsv(generated.walletEstimates()).count())
        .as("reported wallet estimate rows")
        .isEqualTo(generated.walletEstimateRows());

    JsonNode truth = new ObjectMapper().readTree(dir.resolve("_truth.json").toFile());
    assertThat(truth.path("seed").asLong()).as("seed in the truth file").isEqualTo(SPEC.seed());
    assertThat(truth.path("model").path("purchases").path("r").asDouble())
        .as("BG/NBD r in the truth file")
        .isEqualTo(SPEC.model().purchases().r());
    assertThat(truth.path("rows").path("transactions").asLong())
        .as("row count in the truth file")
        .isEqualTo(generated.transactionRows());
  }

  @Test
  void writesTypedParquetAndCanOmitInteractions(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("interactions"));
    SyntheticSpec spec =
        SPEC.withFormat(OutputFormat.PARQUET)
            .withBadRowRate(0)
            .withInteractions(InteractionsOutput.OMITTED);

    GeneratedData generated = SyntheticDataGenerator.generate(spark, spec, dir.toString(), 2);
    StructType schema = spark.read().parquet(generated.transactions()).schema();

    assertThat(schema.apply("ts").dataType()).as("ts type").isEqualTo(DataTypes.TimestampType);
    assertThat(schema.apply("amount").dataType())
        .as("amount type")
        .isEqualTo(DataTypes.createDecimalType(18, 2));
    assertThat(schema.apply("quantity").dataType())
        .as("quantity type")
        .isEqualTo(DataTypes.IntegerType);
    assertThat(generated.interactions()).as("no interactions folder reported").isNull();
    assertThat(Files.exists(dir.resolve("interactions")))
        .as("interactions folder left from an earlier generation")
        .isFalse();
    assertThat(
            spark
                .read()
                .parquet(generated.transactions())
                .filter("ts is null or amount is null")
                .count())
        .as("values lost in typing")
        .isZero();
  }

  private Dataset<Row> readCsv(String path) {
    return spark.read().option("header", "true").csv(path);
  }

  private static String header(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      Path part =
          files
              .filter(file -> file.getFileName().toString().startsWith("part-"))
              .sorted()
              .findFirst()
              .orElseThrow();
      try (Stream<String> lines = Files.lines(part)) {
        return lines.findFirst().orElseThrow();
      }
    }
  }
}
