package dev.idic.batch.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.idic.batch.testing.InProcessIdic;
import dev.idic.batch.testing.TableFingerprints;
import dev.idic.stages.contract.Dataflow;
import dev.idic.stages.contract.StageIo;
import dev.idic.stages.contract.TableContract;
import dev.idic.stages.testing.LocalSpark;
import dev.idic.synth.GeneratedData;
import dev.idic.synth.SyntheticDataGenerator;
import dev.idic.synth.SyntheticSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given generated input files and a config in a temporary folder, when {@code idic run} runs the
 * nightly job, then every table is published, matches its contract, reads in DuckDB without Spark,
 * and holds what a plain-Java computation from the files says it must.
 */
class NightlyPipelineIT {

  static final LocalDate AS_OF = LocalDate.parse("2026-11-22");
  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  static final List<String> TABLES =
      List.of(
          "customer_profile",
          "top_customers",
          "tier_summary",
          "segment_summary",
          "value_concentration",
          "quarantine",
          "model_fit",
          "contact_plan",
          "complaint_outcomes",
          "loyalty_summary",
          "difficulty_summary",
          "contact_mix_by_tier",
          "list_top_20_percent",
          "list_vip_key_overdue",
          "list_high_value_at_risk",
          "tier_transitions",
          "segment_transitions",
          "list_tier_downgrades",
          "cohort_retention");

  @TempDir static Path dir;
  static InProcessIdic idic;
  static InProcessIdic.Outcome firstRun;
  static GeneratedData data;

  @BeforeAll
  static void givenFilesAndConfigWhenTheJobRuns() throws IOException {
    data =
        SyntheticDataGenerator.generate(
            LocalSpark.session(),
            SyntheticSpec.demo(AS_OF).withCustomers(600).withSeed(7).withBadRowRate(0.0),
            dir.resolve("in").toUri().toString());
    Files.writeString(
        dir.resolve("idic.yaml"),
        """
        work_dir: work
        warehouse: warehouse
        time_zone: Europe/Berlin
        time_unit: days
        inputs:
          transactions: { path: in/transactions }
          interactions: { path: in/interactions }
          customers: { path: in/customers }
          wallet_estimates: { path: in/wallet_estimates }
        tiers:
          basis: historical_spend
        """);
    idic = InProcessIdic.production(dir);
    firstRun = idic.execute("run", "--conf", "idic.yaml", "--as-of", AS_OF.toString());
  }

  @Test
  void runCompletesAndEveryTableIsPublishedWithItsMarker() {
    assertThat(firstRun.code()).as("exit code, output: %s", firstRun).isZero();
    for (String table : TABLES) {
      Path partition = partition(table);
      assertThat(partition.resolve("_SUCCESS")).as("%s published with _SUCCESS", table).exists();
    }
    assertThat(partition("list_top_20_percent_csv"))
        .as("marketer list as CSV")
        .isDirectoryContaining("glob:**.csv");
    assertThat(dir.resolve("warehouse/_staging"))
        .as("staging cleaned after publish")
        .isEmptyDirectory();
  }

  @Test
  void everyTableMatchesItsContractAndReadsWithoutSpark() throws SQLException {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = duck.createStatement()) {
      for (String table : TABLES) {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs =
            sql.executeQuery(
                "DESCRIBE SELECT * FROM read_parquet('" + partition(table) + "/*.parquet')")) {
          while (rs.next()) {
            columns.add(rs.getString(1));
          }
        }
        assertThat(columns.remove("as_of_date")).as("DuckDB reads the partition column").isTrue();
        assertThat(columns)
            .as("%s columns: the contract's, in its order", table)
            .isEqualTo(TableContract.output(table).columnNames());
      }
    }
  }

  @Test
  void customerMetricsAndTiersMatchAnIndependentComputation() throws SQLException {
    Map<String, ExpectedCustomers.Customer> expected =
        ExpectedCustomers.fromCsvFolder(
            Path.of(java.net.URI.create(data.transactions())), ZONE, AS_OF);
    Map<String, String> expectedTiers = ExpectedCustomers.tiersBySpend(expected);
    Map<String, Object[]> actual = new HashMap<>();
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = duck.createStatement();
        ResultSet rs =
            sql.executeQuery(
                "SELECT customer_id, frequency, recency, \"T\", monetary_value, total_spend,"
                    + " days_since_last_purchase, tier, p_alive, clv FROM read_parquet('"
                    + partition("customer_profile")
                    + "/*.parquet')")) {
      while (rs.next()) {
        actual.put(
            rs.getString(1),
            new Object[] {
              rs.getInt(2),
              rs.getDouble(3),
              rs.getDouble(4),
              rs.getDouble(5),
              rs.getDouble(6),
              rs.getLong(7),
              rs.getString(8),
              rs.getDouble(9),
              rs.getDouble(10)
            });
      }
    }
    assertThat(actual.keySet())
        .as("one profile row per customer with a purchase")
        .isEqualTo(expected.keySet());
    expected.forEach(
        (id, c) -> {
          Object[] a = actual.get(id);
          assertThat((int) a[0]).as("frequency of %s", id).isEqualTo(c.frequency());
          assertThat((double) a[1]).as("recency of %s", id).isEqualTo(c.recencyDays());
          assertThat((double) a[2]).as("T of %s", id).isEqualTo(c.ageDays());
          assertThat((double) a[3])
              .as("monetary value of %s", id)
              .isCloseTo(c.monetaryValue(), within(1e-9));
          assertThat((double) a[4])
              .as("total spend of %s", id)
              .isCloseTo(c.totalSpend(), within(1e-9));
          assertThat((long) a[5])
              .as("days since last purchase of %s", id)
              .isEqualTo(c.daysSinceLastPurchase());
          assertThat((String) a[6]).as("tier of %s", id).isEqualTo(expectedTiers.get(id));
          assertThat((double) a[7]).as("P(alive) of %s", id).isBetween(0.0, 1.0);
          assertThat((double) a[8]).as("CLV of %s", id).isGreaterThanOrEqualTo(0.0);
        });
  }

  @Test
  void cohortsAreTheCustomersByMonthOfFirstPurchase() throws SQLException {
    Map<String, Long> expected = new TreeMap<>();
    ExpectedCustomers.fromCsvFolder(Path.of(java.net.URI.create(data.transactions())), ZONE, AS_OF)
        .values()
        .forEach(
            c ->
                expected.merge(
                    AS_OF.minusDays((long) c.ageDays()).withDayOfMonth(1).toString(),
                    1L,
                    Long::sum));
    Map<String, Long> cohorts = new TreeMap<>();
    Map<String, Long> activeInFirstMonth = new TreeMap<>();
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = duck.createStatement();
        ResultSet rs =
            sql.executeQuery(
                "SELECT cohort_month, cohort_customers, active_customers FROM read_parquet('"
                    + partition("cohort_retention")
                    + "/*.parquet') WHERE months_since = 0")) {
      while (rs.next()) {
        cohorts.put(rs.getString(1), rs.getLong(2));
        activeInFirstMonth.put(rs.getString(1), rs.getLong(3));
      }
    }
    assertThat(cohorts).as("cohort sizes by month of first purchase day").isEqualTo(expected);
    assertThat(activeInFirstMonth)
        .as("every customer buys in its cohort month")
        .isEqualTo(expected);
  }

  /**
   * What the night publishes, table by table, is what night-fingerprints.txt recorded. A change
   * meant to alter the published tables regenerates the file ({@code
   * -Didic.fingerprints.update=true}) and its diff shows which tables changed; a change meant only
   * to compute the night differently (faster, fewer passes) must leave the file as it is.
   */
  @Test
  void thePublishedTablesAreTheRecordedOnes() throws IOException {
    Map<String, String> actual = TableFingerprints.of(dir.resolve("warehouse"), AS_OF.toString());
    Path recorded = Path.of("src/test/resources/night-fingerprints.txt");
    if (Boolean.getBoolean("idic.fingerprints.update")) {
      Files.write(
          recorded, actual.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }
    Map<String, String> expected = new TreeMap<>();
    for (String line : Files.readAllLines(recorded)) {
      String[] f = line.split(" ", 2);
      expected.put(f[0], f[1]);
    }
    assertThat(actual).as("table -> rows and digest").isEqualTo(expected);
  }

  @Test
  void manifestAccountsForEveryInputRow() throws IOException {
    JsonNode manifest =
        new ObjectMapper()
            .readTree(
                dir.resolve("warehouse/_manifests/as_of_date=" + AS_OF + "/manifest.json")
                    .toFile());
    JsonNode ingest = manifest.at("/row_counts/ingest");
    for (String input : List.of("transactions", "interactions", "customers", "wallet_estimates")) {
      assertThat(ingest.get(input + ".rows_in").asLong())
          .as("%s: rows in = accepted + quarantined", input)
          .isEqualTo(
              ingest.get(input + ".accepted").asLong()
                  + ingest.get(input + ".quarantined").asLong());
    }
    assertThat(ingest.get("transactions.rows_in").asLong()).isEqualTo(data.transactionRows());
  }

  @Test
  void theConsoleShowsEachStepAsItEndsThenTheSummaryOfTheNight() {
    String out = firstRun.out();
    for (StageIo step : Dataflow.NIGHT) {
      assertThat(out)
          .as("one progress line for step %s with seconds and rows, output: %s", step.stage(), out)
          .containsPattern(
              "(?m)^  "
                  + step.stage()
                  + " +\\d+\\.\\d s  ("
                  + (step.stage().equals("validation") ? "off" : "[\\d,]+ rows")
                  + ")");
    }
    assertThat(out)
        .containsPattern("Customers: 600 +quarantined input rows: 0")
        .contains("(tier basis: historical_spend)")
        .as("with interactions read, their summaries are shown and nothing is noted as absent")
        .contains("complaints", "bought again", "difficulty")
        .doesNotContain("Note: No interactions input", "Note: No customers input")
        .contains("Marketer lists as CSV under ");
  }

  @Test
  void rerunOfTheCompletedDateIsANoOp() {
    InProcessIdic.Outcome again =
        idic.execute("run", "--conf", "idic.yaml", "--as-of", AS_OF.toString());
    assertThat(again.code()).as("exit code of a rerun: %s", again).isZero();
    assertThat(again.out()).contains("already");
  }

  private static Path partition(String table) {
    return dir.resolve("warehouse").resolve(table).resolve("as_of_date=" + AS_OF);
  }
}
