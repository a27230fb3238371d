package dev.idic.stages.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idic.stages.contract.ExitCode;
import dev.idic.stages.contract.IdicException;
import dev.idic.stages.contract.RunContext;
import dev.idic.stages.contract.StageReport;
import dev.idic.stages.contract.Tables;
import dev.idic.stages.settings.InputShaping;
import dev.idic.stages.settings.InputShaping.Grain;
import dev.idic.stages.settings.InputShaping.MissingCustomer;
import dev.idic.stages.settings.InputShaping.NamedExpression;
import dev.idic.stages.settings.InputShaping.Returns;
import dev.idic.stages.settings.InputSource;
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
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12: an order-line export with derived amounts, exclusion rules, guests and returns. */
class IngestShapingTest {

  static final LocalDate AS_OF = LocalDate.parse("2026-11-22");
  static final String HEADER = "InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID\n";

  static final String EXPORT =
      HEADER
          // line 2-4: order 1001 of C1, three lines, one of them postage
          + "1001,A,2,2026-11-01 10:00,2.50,C1\n"
          + "1001,B,1,2026-11-01 10:00,4.00,C1\n"
          + "1001,POST,1,2026-11-01 10:00,1.00,C1\n"
          // line 5-6: order 1002 of C1; its second line has a bad quantity
          + "1002,A,3,2026-11-05 12:00,2.50,C1\n"
          + "1002,B,x,2026-11-05 12:00,4.00,C1\n"
          // line 7: a cancellation of 1001
          + "C1003,A,-2,2026-11-06 09:00,2.50,C1\n"
          // line 8: a guest sale
          + "1004,A,1,2026-11-07 09:00,2.50,\n"
          // line 9: a zero price
          + "1005,A,1,2026-11-07 10:00,0.00,C2\n"
          // line 10-11: order 1006 of C2, whose second line names another customer
          + "1006,A,4,2026-11-08 10:00,2.50,C2\n"
          + "1006,B,1,2026-11-08 10:00,4.00,C9\n"
          // line 12-13: a whole order that is a return, without a C number
          + "1007,A,-1,2026-11-09 10:00,2.50,C2\n"
          + "1007,B,-1,2026-11-09 10:00,4.00,C2\n";

  @TempDir Path dir;

  @Test
  void orderLinesBecomeTransactionsWithEveryRecordAccountedFor() throws IOException {
    RunContext context = context(shaping(Returns.NET));

    StageReport report = new IngestStage().run(context);

    assertThat(report.counts())
        .as("records in = accepted + excluded (per rule) + quarantined")
        .containsEntry("transactions.rows_in", 12L)
        .containsEntry("transactions.accepted", 6L)
        .containsEntry("transactions.excluded", 4L)
        .containsEntry("transactions.excluded.cancelled", 1L)
        .containsEntry("transactions.excluded.non_product", 1L)
        .containsEntry("transactions.excluded.zero_price", 1L)
        .containsEntry("transactions.excluded.missing_customer", 1L)
        .containsEntry("transactions.quarantined", 2L);
    assertThat(byLine(context, Tables.EXCLUDED, "rule"))
        .containsExactlyEntriesOf(
            new TreeMap<>(
                Map.of(
                    4L, "non_product", 7L, "cancelled", 8L, "missing_customer", 9L, "zero_price")));
    assertThat(byLine(context, Tables.QUARANTINE, "reason"))
        .containsExactlyEntriesOf(
            new TreeMap<>(Map.of(6L, "invalid_quantity", 11L, "conflicting_order_id")));
    assertThat(orders(context))
        .as("one transaction per order: summed accepted lines, derived amount")
        .containsExactlyEntriesOf(
            new TreeMap<>(
                Map.of(
                    "1001",
                    "C1 9.00 3 3.0000",
                    "1002",
                    "C1 7.50 3 2.5000",
                    "1006",
                    "C2 10.00 4 2.5000",
                    "1007",
                    "C2 -6.50 -2 null")));
  }

  @Test
  void returnsExcludeSetsWholeReturnOrdersAside() throws IOException {
    RunContext context = context(shaping(Returns.EXCLUDE));

    StageReport report = new IngestStage().run(context);

    assertThat(report.counts()).containsEntry("transactions.excluded.return", 2L);
    assertThat(orders(context)).doesNotContainKey("1007").containsKey("1001");
  }

  @Test
  void returnsSeparateKeepsReturnOrdersForTheSummaryToReportApart() throws IOException {
    RunContext context = context(shaping(Returns.SEPARATE));

    StageReport report = new IngestStage().run(context);

    assertThat(report.counts())
        .containsEntry("transactions.accepted", 6L)
        .doesNotContainKey("transactions.excluded.return");
    assertThat(orders(context)).containsEntry("1007", "C2 -6.50 -2 null");
  }

  @Test
  void priceQuantityAndAmountAreCheckedPerLine() throws IOException {
    RunContext context =
        context(
            shaping(Returns.NET),
            HEADER
                + "2001,A,2,2026-11-01 10:00,2.50,C1\n"
                + "2001,B,1,2026-11-01 10:00,1e12,C1\n"
                + "2001,D,2000000,2026-11-01 10:00,1.00,C1\n"
                + "2001,E,1,2026-11-01 10:00,abc,C1\n");

    new IngestStage().run(context);

    assertThat(byLine(context, Tables.QUARANTINE, "reason"))
        .as("each bad line on its own, the rest of the order stays")
        .containsExactlyEntriesOf(
            new TreeMap<>(
                Map.of(
                    3L, "invalid_unit_price", 4L, "invalid_quantity", 5L, "invalid_unit_price")));
    assertThat(orders(context)).containsExactly(Map.entry("2001", "C1 5.00 2 2.5000"));
  }

  @Test
  void aRuleOverAnUnknownColumnIsAConfigurationError() throws IOException {
    InputShaping typo =
        new InputShaping(
            Grain.LINE,
            List.of(new NamedExpression("amount", "Quantity * Price", "derive.amount at line 7")),
            List.of(),
            Returns.NET,
            MissingCustomer.QUARANTINE);
    assertThatThrownBy(() -> new IngestStage().run(context(typo)))
        .isInstanceOf(IdicException.class)
        .hasMessageContaining("derive.amount at line 7")
        .hasMessageContaining("Quantity * Price")
        .hasMessageContaining("UnitPrice")
        .satisfies(
            e ->
                assertThat(((IdicException) e).exitCode())
                    .isEqualTo(ExitCode.INVALID_CONFIGURATION));
  }

  @Test
  void anExclusionThatIsNoConditionIsAConfigurationError() throws IOException {
    InputShaping notACondition =
        new InputShaping(
            Grain.LINE,
            List.of(new NamedExpression("amount", "Quantity * UnitPrice", "derive.amount")),
            List.of(new NamedExpression("price", "UnitPrice + 1", "exclude.price at line 9")),
            Returns.NET,
            MissingCustomer.QUARANTINE);
    assertThatThrownBy(() -> new IngestStage().run(context(notACondition)))
        .isInstanceOf(IdicException.class)
        .hasMessageContaining("exclude.price at line 9")
        .hasMessageContaining("is not a condition");
  }

  @Test
  void aRuleThatWouldReadPricesAsWholeNumbersIsRefused() throws IOException {
    InputShaping truncating =
        new InputShaping(
            Grain.LINE,
            List.of(new NamedExpression("amount", "Quantity * UnitPrice", "derive.amount")),
            List.of(new NamedExpression("zero_price", "UnitPrice <= 0", "exclude.zero_price")),
            Returns.NET,
            MissingCustomer.QUARANTINE);
    assertThatThrownBy(() -> new IngestStage().run(context(truncating)))
        .isInstanceOf(IdicException.class)
        .hasMessageContaining("exclude.zero_price")
        .hasMessageContaining("'0.50' as 0")
        .hasMessageContaining("UnitPrice <= 0.0");
  }

  private static InputShaping shaping(Returns returns) {
    return new InputShaping(
        Grain.LINE,
        List.of(new NamedExpression("amount", "Quantity * UnitPrice", "derive.amount")),
        List.of(
            new NamedExpression("cancelled", "InvoiceNo LIKE 'C%'", "exclude.cancelled"),
            new NamedExpression("non_product", "StockCode IN ('POST', 'DOT')", "exclude.np"),
            new NamedExpression("zero_price", "UnitPrice <= 0.0", "exclude.zero_price")),
        returns,
        MissingCustomer.EXCLUDE);
  }

  private RunContext context(InputShaping shaping) throws IOException {
    return context(shaping, EXPORT);
  }

  private RunContext context(InputShaping shaping, String export) throws IOException {
    Path file = dir.resolve("export-" + System.nanoTime() + ".csv");
    Files.writeString(file, export, StandardCharsets.UTF_8);
    InputSource source =
        new InputSource(
            file.toString(),
            "csv",
            true,
            ",",
            List.of(),
            Map.of(
                "transaction_id", "InvoiceNo",
                "customer_id", "CustomerID",
                "ts", "InvoiceDate",
                "quantity", "Quantity",
                "unit_price", "UnitPrice"),
            null,
            null,
            shaping);
    PipelineSettings base =
        TestRuns.settings(
            source,
            TimeUnit.DAYS,
            dir.resolve("wh-" + System.nanoTime()),
            new TierSettings(TierSettings.TierBasis.HISTORICAL_SPEND, 0.05, 0.15, 0.5));
    return TestRuns.context(
        new PipelineSettings(
            base.timeZone(),
            base.timeUnit(),
            base.warehouse(),
            source,
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

  private static Map<Long, String> byLine(
      RunContext context, dev.idic.stages.contract.Table table, String column) {
    Map<Long, String> values = new TreeMap<>();
    for (Row row :
        LocalSpark.session().read().parquet(context.paths().staged(table)).collectAsList()) {
      values.put(row.<Long>getAs("line"), row.getAs(column));
    }
    return values;
  }

  private static Map<String, String> orders(RunContext context) {
    Map<String, String> orders = new TreeMap<>();
    for (Row row :
        LocalSpark.session()
            .read()
            .parquet(context.paths().staged(Tables.TRANSACTIONS_ACCEPTED))
            .collectAsList()) {
      orders.put(
          row.getAs("transaction_id"),
          row.getAs("customer_id")
              + " "
              + row.getAs("amount")
              + " "
              + row.getAs("quantity")
              + " "
              + row.getAs("unit_price"));
    }
    return orders;
  }
}
