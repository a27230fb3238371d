package dev.idic.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.idic.stages.contract.ExitCode;
import dev.idic.stages.contract.IdicException;
import dev.idic.stages.settings.InputShaping;
import dev.idic.stages.settings.InputShaping.NamedExpression;
import dev.idic.stages.settings.InputSource;
import dev.idic.stages.settings.PipelineSettings;
import dev.idic.stages.settings.TierSettings;
import dev.idic.stages.settings.TimeUnit;
import dev.idic.stages.testing.TestRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs ingest would refuse are refused before Spark starts, with ingest's wording. */
class InputPreflightTest {

  @TempDir Path dir;

  @Test
  void aMissingPathIsRefusedNamingTheInputWithoutSparkWording() {
    IdicException refused = refused(csv(dir.resolve("nope.csv").toString(), Map.of()));

    assertThat(refused.getMessage())
        .contains("input 'transactions'", "nope.csv", "cannot be read", "does not exist")
        .contains("inputs.transactions.path")
        .doesNotContain("SQLSTATE");
  }

  @Test
  void aHeaderWithoutAMappedColumnIsRefusedListingTheColumnsFound() throws IOException {
    Path file = write("tx.csv", "transaction_id,customer_id,ts,price\nt1,c1,2026-01-01,3\n");

    IdicException refused = refused(csv(file.toString(), Map.of()));

    assertThat(refused.getMessage())
        .contains("tx.csv", "has no column 'amount'", "[transaction_id, customer_id, ts, price]")
        .contains("Fix: map it with inputs.transactions.columns.amount");
  }

  @Test
  void anEmptyFileIsRefused() throws IOException {
    IdicException refused = refused(csv(write("empty.csv", "").toString(), Map.of()));

    assertThat(refused.getMessage()).contains("empty.csv", "is empty", "header");
  }

  @Test
  void mappedQuotedAndOptionalColumnsPass() throws IOException {
    Path file = write("tx.csv", "\"id\",customer_id,ts,price\r\nt1,c1,2026-01-01,3\r\n");

    assertThatCode(
            () -> InputPreflight.check(settings(csv(file.toString(), Map.of("amount", "price")))))
        .as("the key is derivable, amount is mapped, CRLF and quotes are read as Spark does")
        .doesNotThrowAnyException();
  }

  @Test
  void anExpressionOverAColumnTheHeaderLacksIsAConfigurationError() throws IOException {
    Path file = write("retail.csv", "InvoiceNo,Quantity,UnitPrice,CustomerID,InvoiceDate\n");
    InputShaping shaping =
        new InputShaping(
            InputShaping.Grain.LINE,
            List.of(
                new NamedExpression(
                    "amount", "Quantity * UnitPrice", "inputs.transactions.derive.amount")),
            List.of(
                new NamedExpression(
                    "non_product",
                    "StockCode IN ('POST')",
                    "inputs.transactions.exclude.non_product (line 12 of idic.yaml)")),
            InputShaping.Returns.NET,
            InputShaping.MissingCustomer.QUARANTINE);
    InputSource source =
        new InputSource(
            file.toString(),
            "csv",
            true,
            ",",
            List.of(),
            Map.of("transaction_id", "InvoiceNo", "customer_id", "CustomerID", "ts", "InvoiceDate"),
            null,
            null,
            shaping);

    IdicException refused =
        catchThrowableOfType(() -> InputPreflight.check(settings(source)), IdicException.class);

    assertThat(refused).as("refused").isNotNull();
    assertThat(refused.exitCode()).isEqualTo(ExitCode.INVALID_CONFIGURATION);
    assertThat(refused.getMessage())
        .contains("inputs.transactions.exclude.non_product (line 12 of idic.yaml)")
        .contains("reads column 'StockCode'")
        .as("the derived column counts as found")
        .contains("[InvoiceNo, Quantity, UnitPrice, CustomerID, InvoiceDate, amount]")
        .contains("use the input's own column names");
  }

  @Test
  void whatItCannotJudgeIsLeftToIngest() throws IOException {
    Path bom = write("bom.csv", "\uFEFFtransaction_id,customer_id,ts,price\n");
    Path folder = Files.createDirectories(dir.resolve("folder"));

    for (String path :
        List.of(bom.toString(), folder.toString(), dir + "/*.csv", "s3a://bucket/tx.csv")) {
      assertThatCode(() -> InputPreflight.check(settings(csv(path, Map.of()))))
          .as(path)
          .doesNotThrowAnyException();
    }
  }

  private IdicException refused(InputSource transactions) {
    IdicException refused =
        catchThrowableOfType(
            () -> InputPreflight.check(settings(transactions)), IdicException.class);
    assertThat(refused).as("refused").isNotNull();
    assertThat(refused.exitCode()).isEqualTo(ExitCode.INPUT_REJECTED);
    return refused;
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private static InputSource csv(String path, Map<String, String> columns) {
    return new InputSource(path, "csv", true, ",", List.of(), columns, null, "UTF-8");
  }

  private static PipelineSettings settings(InputSource transactions) {
    return TestRuns.settings(
        transactions, TimeUnit.DAYS, Path.of("warehouse"), TierSettings.defaults());
  }
}
