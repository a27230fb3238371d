package dev.idic.stages.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idic.stages.contract.InputException;
import dev.idic.stages.contract.InputRejectedException;
import dev.idic.stages.contract.RunContext;
import dev.idic.stages.contract.StageReport;
import dev.idic.stages.contract.Tables;
import dev.idic.stages.settings.InputSource;
import dev.idic.stages.settings.TierSettings;
import dev.idic.stages.settings.TimeUnit;
import dev.idic.stages.testing.LocalSpark;
import dev.idic.stages.testing.TestRuns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestQuarantineTest {

  static final LocalDate AS_OF = LocalDate.parse("2026-11-22");
  static final String HEADER =
      "transaction_id,customer_id,ts,amount,currency,channel,quantity,category,store_id\n";

  @TempDir Path dir;

  @Test
  void everyKindOfBadRowIsQuarantinedWithItsReason() throws IOException {
    Path file =
        write(
            HEADER
                + "T1,C1,2026-11-01T10:00:00+01:00,10.50,EUR,store,1,books,S1\n"
                + "T2,,2026-11-01T10:00:00Z,5,EUR,web,1,books,S1\n"
                + "T3,C2,not-a-date,5,EUR,web,1,books,S1\n"
                + "T4,C2,2026-11-01 09:00:00,abc,EUR,web,1,books,S1\n"
                + "T5,C2,2026-11-01 09:00:00,\"1,234.50\",EUR,web,1,books,S1\n"
                + "T6,C2,2026-11-23 00:30:00,5,EUR,web,1,books,S1\n"
                + "T7,C2,2026-11-01 09:00:00,5,EUR,web\n"
                + "T8,C3,2026-11-01 09:00:00,1.5E1,EUR,web,1,books,S1\n"
                + "T9,C3,2026-11-01 09:00:00,7,EUR,web,1,books,S1\n"
                + "T9,C3,2026-11-01 09:00:00,7,EUR,web,1,books,S1\n"
                + "T10,C4,2026-11-01 09:00:00,7,EUR,web,1,books,S1\n"
                + "T10,C4,2026-11-01 09:00:00,8,EUR,web,1,books,S1\n"
                + "T11,C5\u0001,2026-11-01 09:00:00,7,EUR,web,1,books,S1\n"
                + "T12,  C6  ,2026-11-02,-3.00,EUR,web,1,books,S1\n"
                + ",C7,2026-11-01,5,EUR,web,1,books,S1\n"
                + "T13,C7,2026-11-01,5,EUR,web,x,books,S1\n"
                + "T14,C7,,5,EUR,web,1,books,S1\n"
                + "T15,C7,2026-11-01,,EUR,web,1,books,S1\n"
                + "T16,C8,2026-11-22 23:59:59,2.005,EUR,web,1,books,S1\n");
    RunContext context = context(file, 1.0);

    StageReport report = new IngestStage().run(context);

    Map<String, String> reasons = quarantineReasons(context);
    assertThat(reasons)
        .as("reason of each quarantined row, by its raw transaction id")
        .containsEntry("T2", "missing_customer_id")
        .containsEntry("T3", "invalid_ts")
        .containsEntry("T4", "invalid_amount")
        .containsEntry("T5", "invalid_amount")
        .containsEntry("T6", "after_as_of_date")
        .containsEntry("T7", "malformed_row")
        .containsEntry("T9", "duplicate_transaction_id")
        .containsEntry("T10", "conflicting_transaction_id")
        .containsEntry("T11", "invalid_customer_id")
        .containsEntry("", "missing_transaction_id")
        .containsEntry("T13", "invalid_quantity")
        .containsEntry("T14", "missing_ts")
        .containsEntry("T15", "missing_amount");
    List<Row> accepted =
        LocalSpark.session()
            .read()
            .parquet(context.paths().staged(Tables.TRANSACTIONS_ACCEPTED))
            .orderBy("transaction_id")
            .collectAsList();
    assertThat(accepted.stream().map(r -> r.<String>getAs("transaction_id")).toList())
        .as("accepted rows")
        .containsExactly("T1", "T10", "T12", "T16", "T8", "T9");
    assertThat(accepted.get(1).getAs("amount").toString())
        .as("the earliest row of a conflicting id is kept")
        .isEqualTo("7.00");
    Row trimmed = accepted.get(2);
    assertThat(trimmed.<String>getAs("customer_id")).as("customer id trimmed").isEqualTo("C6");
    assertThat(accepted.get(3).getAs("amount").toString())
        .as("amount rounded half up")
        .isEqualTo("2.01");
    assertThat(accepted.get(4).getAs("amount").toString())
        .as("scientific notation")
        .isEqualTo("15.00");
    assertThat(report.counts())
        .as("rows in = accepted + quarantined")
        .containsEntry("transactions.rows_in", 19L)
        .containsEntry("transactions.accepted", 6L)
        .containsEntry("transactions.quarantined", 13L);
  }

  @Test
  void recordsAreCountedNotPhysicalLinesAndKeepTheirSourceLines() throws IOException {
    Path file =
        write(
            "\uFEFF"
                + HEADER
                // lines 2-3: one record, its quoted category holds a line break
                + "T1,C1,2026-11-01,10,EUR,web,1,\"books\nand more\",S1\n"
                + "\n"
                // line 5: a carriage return inside the amount does not end the record
                + "T2,C1,2026-11-01,1\r0,EUR,web,1,b,S1\n"
                // lines 6-7: too few fields, over two lines
                + "T3,C1,2026-11-01,\"5\n00\",EUR\n"
                + "T4,C2,2026-11-02,7,EUR,web,1,b,S1\n"
                + "T5,C2,2026-11-03,8,EUR,web,1,b,S1");
    RunContext context = context(file, 1.0);

    StageReport report = new IngestStage().run(context);

    assertThat(report.counts())
        .as("8 physical lines, a header, a blank line and 5 records")
        .containsEntry("transactions.rows_in", 5L)
        .containsEntry("transactions.accepted", 2L)
        .containsEntry("transactions.quarantined", 3L);
    Map<String, String> where = new HashMap<>();
    for (Row row :
        LocalSpark.session()
            .read()
            .parquet(context.paths().staged(Tables.QUARANTINE))
            .collectAsList()) {
      where.put(
          row.<String>getAs("reason"),
          row.<Long>getAs("line") + "-" + row.<Long>getAs("last_line"));
    }
    assertThat(where)
        .as("reason and source lines of each quarantined record")
        .containsOnly(
            Map.entry("invalid_category", "2-3"),
            Map.entry("invalid_amount", "5-5"),
            Map.entry("malformed_row", "6-7"));
  }

  @Test
  void rejectRatioFailsTheRunNamingFileAndReasons() throws IOException {
    Path file =
        write(
            HEADER
                + "T1,C1,2026-11-01,10,EUR,web,1,b,S\n"
                + "T2,C1,2026-11-01,ten,EUR,web,1,b,S\n"
                + "T3,C1,2026-11-01,eleven,EUR,web,1,b,S\n");
    assertThatThrownBy(() -> new IngestStage().run(context(file, 0.5)))
        .isInstanceOf(InputRejectedException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("2 of 3 records")
        .hasMessageContaining("invalid_amount (2: lines 3, 4)")
        .hasMessageContaining("max_reject_ratio");
  }

  @Test
  void rowsAfterTheAsOfDayDoNotCountAgainstTheRejectRatio() throws IOException {
    Path file =
        write(
            HEADER
                + "T1,C1,2026-11-01,10,EUR,web,1,b,S\n"
                + "T2,C1,2026-12-01,10,EUR,web,1,b,S\n"
                + "T3,C1,2027-01-01,10,EUR,web,1,b,S\n");
    StageReport report = new IngestStage().run(context(file, 0.0));
    assertThat(report.counts()).containsEntry("transactions.quarantined", 2L);
  }

  @Test
  void localTimesAreReadInTheConfiguredZone() throws IOException {
    Path file =
        write(
            HEADER
                + "T1,C1,2026-11-22 23:30:00,10,EUR,web,1,b,S\n"
                + "T2,C1,2026-11-22T23:30:00Z,10,EUR,web,1,b,S\n"
                + "T3,C1,2026-11-22T22:30:00Z,10,EUR,web,1,b,S\n");
    RunContext context = context(file, 1.0, ZoneId.of("Europe/Berlin"));
    new IngestStage().run(context);
    Map<String, String> dates = new HashMap<>();
    LocalSpark.session()
        .read()
        .parquet(context.paths().staged(Tables.TRANSACTIONS_ACCEPTED))
        .collectAsList()
        .forEach(r -> dates.put(r.getAs("transaction_id"), r.getAs("purchase_date").toString()));
    assertThat(dates)
        .as("23:30 local is the as-of day; 23:30Z is already the next day in Berlin")
        .containsEntry("T1", "2026-11-22")
        .containsEntry("T3", "2026-11-22")
        .doesNotContainKey("T2");
    assertThat(quarantineReasons(context)).containsEntry("T2", "after_as_of_date");
  }

  @Test
  void missingRequiredColumnIsRefusedWithTheFix() throws IOException {
    Path file = write("id,who,when\nT1,C1,2026-11-01\n");
    assertThatThrownBy(() -> new IngestStage().run(context(file, 1.0)))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("required field 'customer_id'")
        .hasMessageContaining("inputs.transactions.columns.customer_id");
  }

  @Test
  void headerOnlyFileIsRefused() throws IOException {
    Path file = write(HEADER);
    assertThatThrownBy(() -> new IngestStage().run(context(file, 1.0)))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no data rows");
  }

  private Path write(String content) throws IOException {
    Path file = dir.resolve("in-" + System.nanoTime() + ".csv");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private RunContext context(Path file, double maxRejectRatio) {
    return context(file, maxRejectRatio, ZoneId.of("UTC"));
  }

  private RunContext context(Path file, double maxRejectRatio, ZoneId zone) {
    InputSource source = TestRuns.csv(file);
    var base =
        TestRuns.settings(
            source,
            TimeUnit.DAYS,
            dir.resolve("wh-" + System.nanoTime()),
            new TierSettings(TierSettings.TierBasis.HISTORICAL_SPEND, 0.05, 0.15, 0.5));
    var settings =
        new dev.idic.stages.settings.PipelineSettings(
            zone,
            base.timeUnit(),
            base.warehouse(),
            base.transactions(),
            null,
            null,
            null,
            maxRejectRatio,
            base.rfm(),
            base.tiers(),
            base.models(),
            base.contact(),
            base.validation());
    return TestRuns.context(settings, AS_OF);
  }

  private static Map<String, String> quarantineReasons(RunContext context) {
    Map<String, String> reasons = new HashMap<>();
    for (Row row :
        LocalSpark.session()
            .read()
            .parquet(context.paths().staged(Tables.QUARANTINE))
            .collectAsList()) {
      String record = row.getAs("record");
      String id = record.replaceAll("^\\{\"transaction_id\":\"?([^\",]*)\"?.*$", "$1");
      if (!record.contains("\"transaction_id\"")) {
        id = "";
      }
      reasons.merge(id, row.getAs("reason"), (a, b) -> a.equals(b) ? a : a + "," + b);
    }
    return reasons;
  }
}
