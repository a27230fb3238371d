package dev.idic.batch.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.idic.batch.testing.InProcessIdic;
import dev.idic.batch.testing.IngestOnlyStages;
import dev.idic.stages.contract.ExitCode;
import dev.idic.stages.testing.LocalSpark;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus under {@code src/test/resources/bad-input/}, each file through the real
 * ingest stage and CLI. A row-level problem must quarantine exactly the bad rows with their reason
 * code while the run succeeds and rows in = accepted + quarantined (from the run's step counts); a
 * file-level problem must refuse the run with exit code 3 and a message naming the file and the
 * fix; a bad configuration must be refused with exit code 2 before anything runs.
 */
class BadInputIT {

  private static final String AS_OF = "2026-11-22";
  private static final Pattern COUNT = Pattern.compile("([a-z_.]+)=(\\d+)");

  @TempDir Path dir;

  /** What one ingest run of a corpus file gave. */
  record Ingested(
      InProcessIdic.Outcome outcome,
      Map<String, String> acceptedCustomerById,
      Map<String, String> reasonById,
      Map<String, Long> counts) {}

  // ---------------------------------------------------------------- row-level problems

  @Test
  void wrongColumnCountRowsAreQuarantinedAsMalformed() throws IOException {
    Ingested run = ingest("wrong_column_count.csv");

    assertThat(run.reasonById().values())
        .as("the short and the long row")
        .containsExactly("malformed_row", "malformed_row");
    assertThat(run.acceptedCustomerById()).containsOnlyKeys("g1", "g2");
  }

  @Test
  void anUnclosedQuoteQuarantinesItsRowOnly() throws IOException {
    Ingested run = ingest("broken_quoting.csv");

    assertThat(run.reasonById().values()).containsExactly("malformed_row");
    assertThat(run.acceptedCustomerById()).containsOnlyKeys("g1", "g2");
  }

  @Test
  void latin1BytesInAUtf8FileAreQuarantinedAsInvalidEncoding() throws IOException {
    Ingested run = ingest("latin1_in_utf8.csv");

    assertThat(run.reasonById()).containsExactly(entry("b1", "invalid_encoding"));
  }

  @Test
  void unparseableTimestampsAndAmountsAndMissingValuesGetTheirColumnsReason() throws IOException {
    Ingested run = ingest("unparseable_values.csv");

    assertThat(run.reasonById())
        .containsOnly(
            entry("b1", "invalid_ts"),
            entry("b2", "invalid_ts"),
            entry("b3", "invalid_amount"),
            entry("b4", "missing_amount"),
            entry("b5", "missing_customer_id"));
  }

  @Test
  void scientificNotationIsAcceptedAndThousandsSeparatorsAreRejectedAsAmbiguous()
      throws IOException {
    Ingested run = ingest("number_formats.csv");

    assertThat(run.reasonById())
        .containsOnly(entry("n2", "invalid_amount"), entry("n3", "invalid_amount"));
    assertThat(amounts())
        .as("1.5E2 and -2.5e1 read as plain decimals")
        .contains(entry("n1", "150.00"), entry("n4", "-25.00"));
  }

  @Test
  void mixedTimeZonesAreAllAcceptedAsTheInstantsTheyDenote() throws IOException {
    Ingested run = ingest("mixed_time_zones.csv");

    assertThat(run.reasonById()).isEmpty();
    Map<String, String> instants = new TreeMap<>();
    for (Row row : accepted().select("transaction_id", "ts").collectAsList()) {
      instants.put(row.getString(0), row.getTimestamp(1).toInstant().toString());
    }
    assertThat(instants)
        .as("offsets win; zone-less times are Europe/Berlin (CET in March, CEST in July)")
        .containsExactly(
            entry("z1", "2026-03-01T10:00:00Z"),
            entry("z2", "2026-03-01T05:00:00Z"),
            entry("z3", "2026-03-01T09:00:00Z"),
            entry("z4", "2026-03-01T18:00:00Z"),
            entry("z5", "2026-07-01T08:00:00Z"));
  }

  @Test
  void anExactDuplicateKeepsOneCopyAndAConflictingIdKeepsItsEarliestRow() throws IOException {
    Ingested run = ingest("duplicate_ids.csv");

    assertThat(run.acceptedCustomerById()).containsOnlyKeys("g1", "g2", "d1", "d2");
    assertThat(run.counts()).containsEntry("transactions.quarantined", 2L);
    assertThat(quarantineReasons())
        .as("one extra copy of d1, the later version of d2")
        .containsExactlyInAnyOrder("d1:duplicate_transaction_id", "d2:conflicting_transaction_id");
  }

  @Test
  void rowsAfterTheAsOfDayAreHeldBackNotCountedAsRejects() throws IOException {
    Ingested run = ingest("future_dates.csv");

    assertThat(run.acceptedCustomerById())
        .as("23:30 Berlin time on the as-of day still counts")
        .containsOnlyKeys("g1", "g2", "f1");
    assertThat(run.reasonById())
        .containsOnly(entry("f2", "after_as_of_date"), entry("f3", "after_as_of_date"));
  }

  @Test
  void customerIdsAreTrimmedAndControlCharactersQuarantined() throws IOException {
    Ingested run = ingest("customer_id_whitespace_control.csv");

    assertThat(run.acceptedCustomerById())
        .as("surrounding white space removed, inner space kept")
        .contains(entry("w1", "c3"), entry("w5", "c 6"));
    assertThat(run.reasonById())
        .containsOnly(
            entry("w2", "invalid_customer_id"),
            entry("w3", "missing_customer_id"),
            entry("w4", "invalid_customer_id"));
  }

  // ---------------------------------------------------------------- whole-file problems

  @Test
  void tooManyBadRowsRejectTheInputWithExitThreeNamingFileAndReasons() throws IOException {
    InProcessIdic.Outcome outcome = refused("too_many_bad_rows.csv", "max_reject_ratio: 0.5");

    assertThat(outcome.err())
        .contains(
            "too_many_bad_rows.csv",
            "2 of 3 records",
            "invalid_amount (2: lines 3, 4)",
            "max_reject_ratio");
    // A refused night publishes its quarantine and its manifest where a completed night's are.
    Matcher evidence =
        Pattern.compile("published at (\\S+) and the counts in (\\S+)\\.").matcher(outcome.err());
    assertThat(evidence.find()).as("message names the quarantine and the manifest").isTrue();
    List<Row> quarantined =
        LocalSpark.session().read().parquet(evidence.group(1)).orderBy("line").collectAsList();
    assertThat(quarantined.stream().map(r -> r.<String>getAs("reason") + "@" + r.getAs("line")))
        .as("the published quarantine holds the refusing records with their lines")
        .containsExactly("invalid_amount@3", "invalid_amount@4");
    JsonNode manifest =
        new ObjectMapper()
            .readTree(Path.of(evidence.group(2).replaceFirst("^file:(//)?", "")).toFile());
    assertThat(manifest.get("status").asText()).isEqualTo("input_rejected");
    JsonNode ingest = manifest.get("row_counts").get("ingest");
    assertThat(ingest.get("transactions.rows_in").asLong()).isEqualTo(3);
    assertThat(ingest.get("transactions.accepted").asLong()).isEqualTo(1);
    assertThat(ingest.get("transactions.quarantined").asLong()).isEqualTo(2);
  }

  @Test
  void anEmptyFileIsRefusedWithExitThree() throws IOException {
    InProcessIdic.Outcome outcome = refused("empty.csv");

    assertThat(outcome.err()).contains("empty.csv", "is empty", "header");
  }

  @Test
  void aHeaderOnlyFileIsRefusedWithExitThree() throws IOException {
    InProcessIdic.Outcome outcome = refused("header_only.csv");

    assertThat(outcome.err()).contains("header_only.csv", "has no data rows", "check the path");
  }

  @Test
  void aMissingRequiredColumnIsRefusedNamingTheColumnAndTheMapping() throws IOException {
    InProcessIdic.Outcome outcome = refused("missing_amount_column.csv");

    assertThat(outcome.err())
        .contains("missing_amount_column.csv", "'amount'", "price", "columns.amount");
  }

  @Test
  void aParquetFileWithAnotherSchemaIsRefusedNamingTheMissingColumn() throws IOException {
    Path parquet = dir.resolve("other.parquet");
    LocalSpark.session()
        .sql("SELECT 'c1' AS client, 12.5D AS value")
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(parquet.toString());

    InProcessIdic.Outcome outcome = refusedParquet(parquet);

    assertThat(outcome.err()).contains("other.parquet", "has no column", "client");
  }

  @Test
  void aTruncatedParquetFileIsRefusedNamingIt() throws IOException {
    Path folder = dir.resolve("truncated.parquet");
    LocalSpark.session()
        .sql(
            "SELECT 't1' AS transaction_id, 'c1' AS customer_id, TIMESTAMP'2026-03-01 10:00:00'"
                + " AS ts, 12.5D AS amount")
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(folder.toString());
    Path file;
    try (var files = Files.list(folder)) {
      file = files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(raf.length() / 2);
    }
    Files.deleteIfExists(folder.resolve("." + file.getFileName() + ".crc"));

    InProcessIdic.Outcome outcome = refusedParquet(folder);

    assertThat(outcome.err()).contains("truncated.parquet");
  }

  // ---------------------------------------------------------------- configuration problems

  @Test
  void anUnknownConfigurationKeyIsRefusedWithASuggestion() throws IOException {
    assertThat(badConfiguration("unknown_key.yaml"))
        .contains("unknown_key.yaml", "inputs.transactions", "formt", "Did you mean 'format'?");
  }

  @Test
  void aMissingRequiredKeyIsRefusedNamingIt() throws IOException {
    assertThat(badConfiguration("missing_transactions.yaml"))
        .contains("missing_transactions.yaml", "missing required key inputs.transactions");
  }

  @Test
  void aValueOfTheWrongTypeIsRefusedNamingKeyAndLine() throws IOException {
    assertThat(badConfiguration("wrong_type.yaml"))
        .contains("wrong_type.yaml", "max_reject_ratio", "line 1", "expected a number", "lots");
  }

  @Test
  void aScalarWhereAListBelongsIsRefused() throws IOException {
    assertThat(badConfiguration("wrong_type_list.yaml"))
        .contains("wrong_type_list.yaml", "column_names", "expected a list");
  }

  @Test
  void aShareOutOfRangeIsRefused() throws IOException {
    assertThat(badConfiguration("negative_share.yaml"))
        .contains("negative_share.yaml", "tiers.vip_share", "between 0.0 and 1.0");
  }

  // ------------------------------------------ shaping keys of a sales export (issue 12)

  static final String RETAIL_EXPORT =
      "InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID\n"
          + "1001,A,2,2026-11-01 10:00,2.50,C1\n"
          + "1001,B,1,2026-11-01 10:00,4.00,C1\n";

  /** Line 8 is derive, line 9 exclude. */
  static final String RETAIL_CONFIG =
      """
      work_dir: work
      warehouse: warehouse
      inputs:
        transactions:
          path: retail.csv
          grain: line
          columns: {customer_id: CustomerID, ts: InvoiceDate, order_id: InvoiceNo}
          derive: {amount: Quantity * UnitPrice}
          exclude: {zero_price: UnitPrice <= 0.0}
      """;

  @Test
  void anExpressionOverAnUnknownColumnIsRefusedBeforeSparkStarts() throws IOException {
    assertThat(badShaping(RETAIL_CONFIG.replace("Quantity * UnitPrice", "Quantity * Price")))
        .contains("inputs.transactions.derive.amount", "line 8", "reads column 'Price'")
        .contains("Columns found: [InvoiceNo, StockCode, Quantity, InvoiceDate, UnitPrice")
        .contains("use the input's own column names");
  }

  @Test
  void anExclusionThatIsNoConditionIsRefusedWithExitTwo() throws IOException {
    assertThat(badShaping(RETAIL_CONFIG.replace("UnitPrice <= 0.0", "UnitPrice + 1.0")))
        .contains("inputs.transactions.exclude.zero_price", "line 9", "is not a condition")
        .contains("write a comparison that is true for the rows to exclude");
  }

  @Test
  void anUnknownGrainIsRefusedListingTheGrains() throws IOException {
    assertThat(badShaping(RETAIL_CONFIG.replace("grain: line", "grain: row")))
        .contains("inputs.transactions.grain", "line 6", "transaction, line");
  }

  @Test
  void linesWithoutAnOrderColumnAreRefused() throws IOException {
    assertThat(badShaping(RETAIL_CONFIG.replace(", order_id: InvoiceNo", "")))
        .contains("inputs.transactions.grain", "line 6")
        .contains("columns: { order_id: <source column> }");
  }

  @Test
  void aNonDeterministicDerivationIsRefused() throws IOException {
    assertThat(badShaping(RETAIL_CONFIG.replace("Quantity * UnitPrice", "rand() * UnitPrice")))
        .contains(
            "inputs.transactions.derive.amount", "line 8", "rand()", "changes from run to run")
        .contains("write a deterministic Spark SQL expression");
    assertThat(
            badShaping(
                RETAIL_CONFIG.replace(
                    "UnitPrice <= 0.0", "InvoiceDate > CAST(current_date() AS STRING)")))
        .contains("inputs.transactions.exclude.zero_price", "line 9", "current_date()");
  }

  @Test
  void anUnknownReturnsRuleIsRefusedListingTheRules() throws IOException {
    assertThat(badShaping(RETAIL_CONFIG + "    returns: keep\n"))
        .contains("inputs.transactions.returns", "line 10", "net, exclude, separate");
  }

  private String badShaping(String config) throws IOException {
    Files.writeString(dir.resolve("retail.csv"), RETAIL_EXPORT);
    Path file = dir.resolve("idic-" + System.nanoTime() + ".yaml");
    Files.writeString(file, config);
    InProcessIdic.Outcome outcome =
        InProcessIdic.withStages(dir, IngestOnlyStages.class)
            .execute("run", "--conf=" + file, "--as-of=" + AS_OF);
    assertThat(outcome.code())
        .as("invalid configuration: " + outcome.output())
        .isEqualTo(ExitCode.INVALID_CONFIGURATION.code());
    assertThat(outcome.err()).as("one message, no stack trace").doesNotContain("\tat ");
    assertThat(dir.resolve("warehouse/customer_profile")).as("nothing published").doesNotExist();
    return outcome.err();
  }

  // ---------------------------------------------------------------- helpers

  private Ingested ingest(String corpusFile) throws IOException {
    InProcessIdic.Outcome outcome = runIngest(corpusFile, "max_reject_ratio: 1.0");
    assertThat(outcome.code()).as("the run is accepted: " + outcome.output()).isZero();
    Map<String, Long> counts = ingestCounts();
    assertThat(counts.get("rows_in"))
        .as("rows in = accepted + quarantined, from the run's step counts " + counts)
        .isEqualTo(counts.get("transactions.accepted") + counts.get("transactions.quarantined"))
        .isEqualTo(lines(corpusFile));
    Map<String, String> acceptedCustomerById = new TreeMap<>();
    accepted()
        .select("transaction_id", "customer_id")
        .collectAsList()
        .forEach(row -> acceptedCustomerById.put(row.getString(0), row.getString(1)));
    Map<String, String> reasonById = new TreeMap<>();
    for (String entry : quarantineReasons()) {
      int cut = entry.lastIndexOf(':');
      reasonById.merge(entry.substring(0, cut), entry.substring(cut + 1), (a, b) -> a + "," + b);
    }
    assertThat(acceptedCustomerById.size() + quarantineReasons().size())
        .as("every data row of the file is accounted for")
        .isEqualTo(lines(corpusFile));
    return new Ingested(outcome, acceptedCustomerById, reasonById, counts);
  }

  private InProcessIdic.Outcome refused(String corpusFile, String... extra) throws IOException {
    InProcessIdic.Outcome outcome = runIngest(corpusFile, extra);
    assertThat(outcome.code())
        .as("refused as rejected input: " + outcome.output())
        .isEqualTo(ExitCode.INPUT_REJECTED.code());
    assertThat(outcome.err()).as("one message, no stack trace").doesNotContain("\tat ");
    return outcome;
  }

  private InProcessIdic.Outcome refusedParquet(Path parquet) throws IOException {
    Files.writeString(
        dir.resolve("idic.yaml"),
        "work_dir: work\nwarehouse: warehouse\ninputs:\n  transactions:\n    path: "
            + parquet
            + "\n    format: parquet\n");
    InProcessIdic.Outcome outcome =
        InProcessIdic.withStages(dir, IngestOnlyStages.class)
            .execute("run", "--conf=" + dir.resolve("idic.yaml"), "--as-of=" + AS_OF);
    assertThat(outcome.code())
        .as("refused as rejected input: " + outcome.output())
        .isEqualTo(ExitCode.INPUT_REJECTED.code());
    assertThat(outcome.err()).doesNotContain("\tat ");
    return outcome;
  }

  private String badConfiguration(String file) throws IOException {
    Path config = dir.resolve(file);
    copyResource("config/" + file, config);
    InProcessIdic.Outcome outcome =
        InProcessIdic.withStages(dir, IngestOnlyStages.class)
            .execute("run", "--conf=" + config, "--as-of=" + AS_OF);
    assertThat(outcome.code())
        .as("invalid configuration: " + outcome.output())
        .isEqualTo(ExitCode.INVALID_CONFIGURATION.code());
    assertThat(outcome.err()).doesNotContain("\tat ");
    assertThat(dir.resolve("work")).as("nothing was started").doesNotExist();
    return outcome.err();
  }

  private InProcessIdic.Outcome runIngest(String corpusFile, String... extra) throws IOException {
    copyResource(corpusFile, dir.resolve(corpusFile));
    Files.writeString(
        dir.resolve("idic.yaml"),
        "work_dir: work\nwarehouse: warehouse\ntime_zone: Europe/Berlin\n"
            + String.join("\n", extra)
            + "\ninputs:\n  transactions:\n    path: "
            + corpusFile
            + "\n");
    return InProcessIdic.withStages(dir, IngestOnlyStages.class)
        .execute("run", "--conf=" + dir.resolve("idic.yaml"), "--as-of=" + AS_OF);
  }

  private Map<String, Long> ingestCounts() {
    InProcessIdic.Outcome status =
        InProcessIdic.withStages(dir, IngestOnlyStages.class)
            .execute("status", "--conf=" + dir.resolve("idic.yaml"), "--as-of=" + AS_OF);
    String line =
        status
            .out()
            .lines()
            .filter(l -> l.strip().startsWith("ingest {"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no ingest counts in\n" + status.output()));
    Map<String, Long> counts = new TreeMap<>();
    Matcher matcher = COUNT.matcher(line);
    while (matcher.find()) {
      counts.put(matcher.group(1), Long.parseLong(matcher.group(2)));
    }
    return counts;
  }

  private org.apache.spark.sql.Dataset<Row> accepted() {
    return LocalSpark.session().read().parquet(kept("transactions_accepted"));
  }

  private Map<String, String> amounts() {
    return accepted().select("transaction_id", "amount").collectAsList().stream()
        .collect(
            Collectors.toMap(
                row -> row.getString(0),
                row -> row.getDecimal(1).toPlainString(),
                (a, b) -> a,
                TreeMap::new));
  }

  /** "id:reason" of every quarantined row; the id read back from the raw record. */
  private List<String> quarantineReasons() {
    return LocalSpark.session()
        .read()
        .parquet(kept("quarantine"))
        .selectExpr("coalesce(get_json_object(record, '$.transaction_id'), '?') AS id", "reason")
        .collectAsList()
        .stream()
        .map(row -> row.getString(0) + ":" + row.getString(1))
        .sorted()
        .toList();
  }

  private String kept(String table) {
    return dir.resolve("warehouse/_kept/" + table).toString();
  }

  private long lines(String corpusFile) throws IOException {
    return Files.readAllLines(dir.resolve(corpusFile), java.nio.charset.StandardCharsets.ISO_8859_1)
            .size()
        - 1;
  }

  private static void copyResource(String name, Path target) throws IOException {
    try (InputStream in = BadInputIT.class.getResourceAsStream("/bad-input/" + name)) {
      assertThat(in).as("corpus file " + name).isNotNull();
      Files.copy(in, target);
    }
  }
}
