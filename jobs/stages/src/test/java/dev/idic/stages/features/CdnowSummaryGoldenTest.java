package dev.idic.stages.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.idic.stages.contract.RunContext;
import dev.idic.stages.contract.Tables;
import dev.idic.stages.ingest.IngestStage;
import dev.idic.stages.settings.TimeUnit;
import dev.idic.stages.testing.LocalSpark;
import dev.idic.stages.testing.SharedData;
import dev.idic.stages.testing.TestRuns;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuilds Hardie's CDNOW calibration summary (weeks 1-39, as-of 1997-09-30) from the raw sample
 * through the real ingest and features stages.
 */
class CdnowSummaryGoldenTest {

  @TempDir static Path warehouse;
  static Map<Integer, Row> features;
  static long ingestedRows;

  @BeforeAll
  static void runStages() {
    RunContext context =
        TestRuns.context(
            TestRuns.cdnowSample(SharedData.cdnow("CDNOW_sample.txt")),
            TimeUnit.WEEKS,
            warehouse,
            LocalDate.parse("1997-09-30"));
    new IngestStage().run(context);
    new FeaturesStage().run(context);
    features = new HashMap<>();
    for (Row row :
        LocalSpark.session()
            .read()
            .parquet(context.paths().staged(Tables.CUSTOMER_FEATURES))
            .collectAsList()) {
      features.put(Integer.parseInt(row.getAs("customer_id")), row);
    }
  }

  @Test
  void everyCustomerMatchesHardiesSummary() throws Exception {
    List<String> lines =
        java.nio.file.Files.readAllLines(SharedData.cdnow("cdnow_customers_summary.csv"));
    assertThat(features).as("one feature row per CDNOW customer").hasSize(lines.size() - 1);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      Row row = features.get(Integer.parseInt(f[0]));
      assertThat(row).as("customer %s present", f[0]).isNotNull();
      assertThat((int) row.getAs("frequency"))
          .as("frequency of %s", f[0])
          .isEqualTo(Integer.parseInt(f[1]));
      assertThat((double) row.getAs("recency"))
          .as("recency of %s", f[0])
          .isCloseTo(Double.parseDouble(f[2]), within(0.005));
      assertThat((double) row.getAs("T"))
          .as("T of %s", f[0])
          .isCloseTo(Double.parseDouble(f[3]), within(0.005));
    }
  }

  @Test
  void repeatOnlyMonetaryValueMatchesZbar() throws Exception {
    List<String> lines =
        java.nio.file.Files.readAllLines(
            SharedData.cdnow("cdnow_customers_summary_with_transactions.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      Row row = features.get(Integer.parseInt(f[0]));
      assertThat((double) row.getAs("monetary_value"))
          .as("monetary value of %s", f[0])
          .isCloseTo(Double.parseDouble(f[4]), within(0.0051));
    }
  }
}
