package dev.idic.batch.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.idic.batch.testing.InProcessIdic;
import dev.idic.stages.settings.InputShaping.Returns;
import dev.idic.stages.testing.LocalSpark;
import dev.idic.synth.OnlineRetailExport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's acceptance: a generated export in the UCI Online Retail layout (order lines, {@code
 * C...} cancellations, guests, postage lines, zero prices) runs as it is with the shipped {@code
 * conf/examples/online_retail.yaml}, only its paths replaced. Per customer, the BTYD summary, the
 * units and prices and the returns equal a plain-Java computation over the generated lines ({@link
 * ExpectedRetailCustomers}), and the manifest and the console account for every line, per rule. A
 * second and a third night keep the cancellations as returns, {@code returns: separate} and {@code
 * returns: exclude}.
 */
class OnlineRetailIT {

  static final LocalDate FROM = LocalDate.parse("2010-12-01");
  static final LocalDate AS_OF = LocalDate.parse("2011-12-09");

  @TempDir static Path dir;
  static Path export;
  static Night shipped;
  static Night separate;
  static Night excluded;

  /** One run of the CLI in its own folder and what it must give. */
  record Night(Path folder, InProcessIdic.Outcome run, ExpectedRetailCustomers.Result expected) {}

  @BeforeAll
  static void runTheShippedExampleOnAGeneratedExport() throws IOException {
    export = dir.resolve("online_retail.csv");
    OnlineRetailExport.write(export, 7, 400, FROM, AS_OF);
    String example =
        Files.readString(
            Path.of(System.getProperty("idic.project.root", "../.."))
                .resolve("conf/examples/online_retail.yaml"));
    shipped =
        night(
            "shipped",
            example,
            ExpectedRetailCustomers.fromCsv(export, OnlineRetailExport.ZONE, AS_OF));
    // Cancellations kept: their invoices sum below zero, so they are returns, kept apart, and in
    // a third night excluded.
    String returnsKept =
        example
            .lines()
            .filter(line -> !line.strip().startsWith("cancelled:"))
            .filter(line -> !line.strip().startsWith("non_positive_quantity:"))
            .reduce("", (text, line) -> text + line + "\n");
    assertThat(returnsKept)
        .as("the example's rules as this test expects them")
        .hasLineCount((int) example.lines().count() - 2);
    Set<String> rulesKept = Set.of("missing_customer", "non_product", "zero_price");
    separate =
        night(
            "separate",
            returnsKept + "    returns: separate\n",
            ExpectedRetailCustomers.fromCsv(
                export, OnlineRetailExport.ZONE, AS_OF, rulesKept, Returns.SEPARATE));
    excluded =
        night(
            "excluded",
            returnsKept + "    returns: exclude\n",
            ExpectedRetailCustomers.fromCsv(
                export, OnlineRetailExport.ZONE, AS_OF, rulesKept, Returns.EXCLUDE));
  }

  private static Night night(String name, String config, ExpectedRetailCustomers.Result expected)
      throws IOException {
    Path folder = Files.createDirectories(dir.resolve(name));
    Files.writeString(
        folder.resolve("online_retail.yaml"),
        config
            .replace("../../idic-work/online_retail/warehouse", "warehouse")
            .replace("../../idic-work/online_retail", "work")
            .replace("../../data/online_retail.csv", export.toString()));
    InProcessIdic.Outcome run =
        InProcessIdic.production(folder)
            .execute("run", "--conf", "online_retail.yaml", "--as-of", AS_OF.toString());
    return new Night(folder, run, expected);
  }

  @Test
  void everyLineIsAccountedForPerRuleInTheManifestAndOnTheConsole() throws IOException {
    for (Night night : new Night[] {shipped, separate, excluded}) {
      assertThat(night.run().code()).as(night.run().output()).isZero();
      JsonNode ingest =
          new ObjectMapper()
              .readTree(
                  night
                      .folder()
                      .resolve("warehouse/_manifests/as_of_date=" + AS_OF + "/manifest.json")
                      .toFile())
              .get("row_counts")
              .get("ingest");
      ExpectedRetailCustomers.Result expected = night.expected();
      assertThat(ingest.get("transactions.rows_in").asLong()).isEqualTo(expected.linesIn());
      assertThat(ingest.get("transactions.accepted").asLong()).isEqualTo(expected.accepted());
      assertThat(ingest.get("transactions.quarantined").asLong()).isZero();
      long excluded = 0;
      for (Map.Entry<String, Long> rule : expected.excludedByRule().entrySet()) {
        assertThat(
                ingest.has("transactions.excluded." + rule.getKey())
                    ? ingest.get("transactions.excluded." + rule.getKey()).asLong()
                    : 0L)
            .as("lines excluded by %s", rule.getKey())
            .isEqualTo(rule.getValue());
        assertThat(night.run().out())
            .contains(
                String.format(
                    Locale.ROOT, "  excluded by rule %s: %,d", rule.getKey(), rule.getValue()));
        excluded += rule.getValue();
      }
      assertThat(night.run().out())
          .contains(
              String.format(
                  Locale.ROOT,
                  "Input transactions: %,d records in = %,d accepted + %,d excluded + 0"
                      + " quarantined",
                  expected.linesIn(),
                  expected.accepted(),
                  excluded));
    }
  }

  @Test
  void eachCustomersSummaryEqualsAnIndependentComputation() {
    for (Night night : new Night[] {shipped, separate, excluded}) {
      assertThat(night.run().code()).as(night.run().output()).isZero();
      Map<String, Row> actual = profile(night);
      ExpectedRetailCustomers.Result expected = night.expected();
      assertThat(actual.keySet()).isEqualTo(expected.customers().keySet());
      expected
          .customers()
          .forEach(
              (id, c) -> {
                Row a = actual.get(id);
                assertThat(a.<Number>getAs("frequency").intValue())
                    .as("frequency of %s", id)
                    .isEqualTo(c.frequency());
                assertThat(a.<Number>getAs("recency").doubleValue())
                    .as("recency of %s", id)
                    .isEqualTo(c.recencyDays());
                assertThat(a.<Number>getAs("T").doubleValue())
                    .as("T of %s", id)
                    .isEqualTo(c.ageDays());
                assertThat(a.<Number>getAs("monetary_value").doubleValue())
                    .as("monetary value of %s", id)
                    .isCloseTo(c.monetaryValue(), within(1e-9));
                assertThat(a.<Number>getAs("total_spend").doubleValue())
                    .as("total spend of %s", id)
                    .isCloseTo(c.totalSpend(), within(1e-9));
              });
    }
  }

  @Test
  void unitsPricesAndReturnsPerCustomerEqualAnIndependentComputation() {
    for (Night night : new Night[] {shipped, separate, excluded}) {
      assertThat(night.run().code()).as(night.run().output()).isZero();
      Map<String, Row> actual = profile(night);
      night
          .expected()
          .baskets()
          .forEach(
              (id, basket) -> {
                Row a = actual.get(id);
                assertThat(a.<Long>getAs("units")).as("units of %s", id).isEqualTo(basket.units());
                if (basket.avgUnitPrice() == null) {
                  assertThat(a.<Double>getAs("avg_unit_price")).as("price of %s", id).isNull();
                } else {
                  assertThat(a.<Double>getAs("avg_unit_price"))
                      .as("average unit price of %s", id)
                      .isCloseTo(basket.avgUnitPrice(), within(1e-9));
                }
                assertThat(a.<Long>getAs("returns_count"))
                    .as("returns of %s", id)
                    .isEqualTo(basket.returnsCount());
                assertThat(a.<Double>getAs("returned_amount"))
                    .as("returned amount of %s", id)
                    .isCloseTo(basket.returnedAmount(), within(1e-9));
              });
    }
    assertThat(
            separate.expected().baskets().values().stream()
                .mapToLong(ExpectedRetailCustomers.Basket::returnsCount)
                .sum())
        .as("the generated cancellations are returns in the second night")
        .isGreaterThan(20);
    assertThat(excluded.expected().excludedByRule().get("return"))
        .as("and lines excluded as returns in the third")
        .isGreaterThan(20);
  }

  @Test
  void theModelsFitTheGeneratedExportWithoutAWarning() {
    // models.fail_on_non_convergence is on (the default): a fit without a maximum refuses the
    // night, so exit 0 says every fit converged.
    for (Night night : new Night[] {shipped, separate, excluded}) {
      assertThat(night.run().code()).as(night.run().output()).isZero();
      assertThat(night.run().out()).doesNotContain("Warning (models)");
    }
  }

  private static Map<String, Row> profile(Night night) {
    Map<String, Row> actual = new HashMap<>();
    LocalSpark.session()
        .read()
        .parquet(night.folder().resolve("warehouse/customer_profile").toString())
        .collectAsList()
        .forEach(row -> actual.put(row.getAs("customer_id"), row));
    return actual;
  }
}
