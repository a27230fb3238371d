package dev.idic.stages.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idic.stages.contract.RunContext;
import dev.idic.stages.contract.StageReport;
import dev.idic.stages.contract.Tables;
import dev.idic.stages.features.CustomerSummary;
import dev.idic.stages.settings.PipelineSettings;
import dev.idic.stages.settings.TierSettings;
import dev.idic.stages.settings.TimeUnit;
import dev.idic.stages.testing.LocalSpark;
import dev.idic.stages.testing.TestRuns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A repeated transaction id keeps its earliest row: no genuine purchase is lost (issue 16). */
class IngestDuplicateKeysTest {

  static final LocalDate AS_OF = LocalDate.parse("2026-11-22");

  @TempDir Path dir;

  @Test
  void earliestRowOfARepeatedIdIsKeptAndTheOthersNameIt() throws IOException {
    Path file = dir.resolve("sales.csv");
    Files.writeString(
        file,
        IngestQuarantineTest.HEADER
            // line 2 (record 1), and line 3 its copy once parsed (10.0 is 10.00)
            + "T1,C1,2026-11-01 10:00:00,10.00,EUR,web,1,books,S1\n"
            + "T1,C1,2026-11-01 10:00:00,10.0,EUR,web,1,books,S1\n"
            // line 4 is kept; line 5 has the same id with other content
            + "T2,C1,2026-11-08 10:00:00,10.50,EUR,web,1,books,S1\n"
            + "T2,C1,2026-11-09 10:00:00,99.00,EUR,web,1,books,S1\n"
            + "T3,C2,2026-11-02 10:00:00,5.00,EUR,web,1,books,S1\n",
        StandardCharsets.UTF_8);
    RunContext context = context(file);

    StageReport report = new IngestStage().run(context);

    List<Row> quarantined =
        LocalSpark.session()
            .read()
            .parquet(context.paths().staged(Tables.QUARANTINE))
            .orderBy("reason")
            .collectAsList();
    assertThat(quarantined.stream().map(r -> r.<String>getAs("reason")).toList())
        .as("one conflicting and one duplicate row")
        .containsExactly("conflicting_transaction_id", "duplicate_transaction_id");
    assertThat(quarantined.get(0).<String>getAs("detail"))
        .as("detail of the conflicting row names the source line kept (the header is line 1)")
        .startsWith("transaction_id 'T2' with other content is also on line 4 of ")
        .endsWith("sales.csv, which is kept");
    assertThat(quarantined.get(0).<String>getAs("record"))
        .as("the later row is the one quarantined")
        .contains("99.00");
    assertThat(quarantined.get(0).<Long>getAs("line")).as("its own line").isEqualTo(5L);
    assertThat(quarantined.get(1).<String>getAs("detail"))
        .as("detail of the duplicate row names the source line kept")
        .startsWith("transaction_id 'T1' is an exact copy of line 2 of ")
        .endsWith("sales.csv, which is kept");
    assertThat(report.counts())
        .as("rows in = accepted + quarantined")
        .containsEntry("transactions.rows_in", 5L)
        .containsEntry("transactions.accepted", 3L)
        .containsEntry("transactions.quarantined", 2L);

    Dataset<Row> acceptedDF =
        LocalSpark.session().read().parquet(context.paths().staged(Tables.TRANSACTIONS_ACCEPTED));
    Row c1 =
        CustomerSummary.from(acceptedDF, AS_OF, TimeUnit.DAYS).where("customer_id = 'C1'").first();
    assertThat(c1.<Integer>getAs("purchase_days")).as("purchase days of C1").isEqualTo(2);
    assertThat(((Number) c1.getAs("frequency")).doubleValue()).as("frequency").isEqualTo(1.0);
    assertThat(((Number) c1.getAs("monetary_value")).doubleValue())
        .as("monetary value: mean of the repeat day, the kept 10.50")
        .isEqualTo(10.50);
  }

  private RunContext context(Path file) {
    PipelineSettings base =
        TestRuns.settings(
            TestRuns.csv(file),
            TimeUnit.DAYS,
            dir.resolve("wh"),
            new TierSettings(TierSettings.TierBasis.HISTORICAL_SPEND, 0.05, 0.15, 0.5));
    return TestRuns.context(
        new PipelineSettings(
            base.timeZone(),
            base.timeUnit(),
            base.warehouse(),
            base.transactions(),
            null,
            null,
            null,
            1.0,
            base.rfm(),
            base.tiers(),
            base.models(),
            base.contact(),
            base.validation()),
        AS_OF);
  }
}
