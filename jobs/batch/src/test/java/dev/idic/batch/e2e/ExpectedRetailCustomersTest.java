package dev.idic.batch.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.idic.batch.e2e.ExpectedCustomers.Customer;
import dev.idic.batch.e2e.ExpectedCustomers.Transaction;
import dev.idic.batch.e2e.ExpectedRetailCustomers.Basket;
import dev.idic.stages.settings.InputShaping.Returns;
import dev.idic.synth.OnlineRetailExport;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpectedRetailCustomersTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final LocalDate AS_OF = LocalDate.of(2011, 6, 30);

  // Each line's fate is in the comment after it; the figures below are worked out by hand.
  private static final String FILE =
      """
      InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
      536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom
      536365,71053,"WHITE METAL LANTERN, LARGE",6,12/1/2010 8:26,3.39,17850,United Kingdom
      536365,POST,POSTAGE,1,12/1/2010 8:26,18.00,17850,United Kingdom
      536366,22633,HAND WARMER UNION JACK,6,12/1/2010 8:28,1.85,17850,United Kingdom
      536367,22423,"REGENCY CAKESTAND ""3 TIER""\",1,12/8/2010 9:00,12.75,17850,United Kingdom
      C536368,22423,"REGENCY CAKESTAND ""3 TIER""\",-1,12/9/2010 10:00,12.75,17850,United Kingdom
      536369,84879,ASSORTED COLOUR BIRD ORNAMENT,3,12/1/2010 9:00,1.69,,United Kingdom
      536370,21212,PACK OF 72 RETROSPOT CAKE CASES,3,12/15/2010 23:30,0.555,12583,France
      536371,22752,SET 7 BABUSHKA NESTING BOXES,2,12/20/2010 10:00,0.00,12583,France
      536371,22745,POPPY'S PLAYHOUSE BEDROOM,-2,12/20/2010 10:00,2.10,12583,France
      536372,22745,POPPY'S PLAYHOUSE BEDROOM,2,6/1/2011 0:30,2.10,12583,France
      C536373,POST,POSTAGE,-1,12/10/2010 9:00,18.00,17850,United Kingdom
      536374,22960,JAM MAKING SET WITH JARS,0,1/5/2011 11:00,0.00,12583,France
      C536375,84879,ASSORTED COLOUR BIRD ORNAMENT,-3,12/2/2010 9:00,1.69,,United Kingdom
      """;
  // Lines 1, 2, 4, 5, 8, 11 accepted; 3 non_product; 6 and 12 (a cancelled POST) cancelled;
  // 7 and 14 (a guest cancellation) missing_customer; 9 and 13 (quantity 0 too) zero_price;
  // 10 non_positive_quantity. Invoice 536371 keeps no line, so it is no transaction.

  @TempDir Path dir;

  private ExpectedRetailCustomers.Result result() throws IOException {
    Path file = dir.resolve("retail.csv");
    Files.writeString(file, FILE, StandardCharsets.UTF_8);
    return ExpectedRetailCustomers.fromCsv(file, LONDON, AS_OF);
  }

  @Test
  void eachLineCountsForTheFirstRuleItMatches() throws IOException {
    ExpectedRetailCustomers.Result result = result();
    assertThat(result.linesIn()).isEqualTo(14);
    assertThat(result.accepted()).isEqualTo(6);
    assertThat(result.excludedByRule())
        .containsExactly(
            entry("missing_customer", 2L),
            entry("cancelled", 2L),
            entry("non_product", 1L),
            entry("zero_price", 2L),
            entry("non_positive_quantity", 1L));
  }

  @Test
  void acceptedLinesOfAnInvoiceAddUpToOneTransactionAtItsLocalTime() throws IOException {
    assertThat(result().transactions())
        .containsExactly(
            transaction("17850", "2010-12-01T08:26:00Z", "35.64"),
            transaction("17850", "2010-12-01T08:28:00Z", "11.10"),
            transaction("17850", "2010-12-08T09:00:00Z", "12.75"),
            // 3 x 0.555 = 1.665, half up to cents.
            transaction("12583", "2010-12-15T23:30:00Z", "1.67"),
            // British Summer Time: 00:30 local is 23:30 UTC the day before.
            transaction("12583", "2011-05-31T23:30:00Z", "4.20"));
  }

  @Test
  void customersAreSummarisedOnLocalPurchaseDays() throws IOException {
    assertThat(result().customers())
        .containsOnly(
            // Purchase days 2010-12-01 (35.64 + 11.10) and 2010-12-08.
            entry("17850", new Customer("17850", 1, 7, 211, 12.75, 59.49, 204)),
            // Purchase days 2010-12-15 and 2011-06-01 (local, not 2011-05-31).
            entry("12583", new Customer("12583", 1, 168, 197, 4.20, 5.87, 29)));
  }

  @Test
  void basketsSumThePurchasesUnitsAndPriceThemByQuantity() throws IOException {
    assertThat(result().baskets())
        .containsOnly(
            // Invoices of 12 units at 2.9700, 6 at 1.85 and 1 at 12.75: 59.49 over 19 units.
            entry("17850", new Basket(19, 59.49 / 19, 0, 0.0)),
            // 3 at 0.5550 (cents rounded in the amount only) and 2 at 2.10.
            entry("12583", new Basket(5, 5.865 / 5, 0, 0.0)));
  }

  @Test
  void withoutTheCancellationRulesNegativeInvoicesAreReturnsKeptApart() throws IOException {
    Path file = dir.resolve("retail.csv");
    Files.writeString(file, FILE, StandardCharsets.UTF_8);
    ExpectedRetailCustomers.Result kept =
        ExpectedRetailCustomers.fromCsv(
            file,
            LONDON,
            AS_OF,
            Set.of("missing_customer", "non_product", "zero_price"),
            Returns.SEPARATE);

    // Lines 6 (C536368) and 10 (536371, its other line free) are accepted: two returns.
    assertThat(kept.excludedByRule())
        .containsExactly(
            entry("missing_customer", 2L), entry("non_product", 2L), entry("zero_price", 2L));
    assertThat(kept.baskets())
        .containsOnly(
            entry("17850", new Basket(19, 59.49 / 19, 1, 12.75)),
            entry("12583", new Basket(5, 5.865 / 5, 1, 4.20)));
    assertThat(kept.customers().get("17850"))
        .as("a return on a day without purchases lowers the total spend only")
        .isEqualTo(new Customer("17850", 1, 7, 211, 12.75, 46.74, 204));
  }

  @Test
  void returnsExcludedSetAsideTheLinesOfInvoicesThatSumBelowZero() throws IOException {
    Path file = dir.resolve("retail.csv");
    Files.writeString(file, FILE, StandardCharsets.UTF_8);
    ExpectedRetailCustomers.Result result =
        ExpectedRetailCustomers.fromCsv(
            file,
            LONDON,
            AS_OF,
            Set.of("missing_customer", "non_product", "zero_price"),
            Returns.EXCLUDE);

    // Lines 6 (C536368) and 10 (536371: 2 x 0.00 - 2 x 2.10, its free line a zero_price).
    assertThat(result.excludedByRule())
        .containsExactly(
            entry("missing_customer", 2L),
            entry("non_product", 2L),
            entry("zero_price", 2L),
            entry("return", 2L));
    assertThat(result.baskets().values()).allMatch(basket -> basket.returnsCount() == 0);
  }

  @Test
  void aGeneratedExportHasLinesForEveryRuleAndOneTransactionPerKeptInvoice() {
    Path file = dir.resolve("generated.csv");
    OnlineRetailExport.Summary summary =
        OnlineRetailExport.write(
            file, 7, 500, LocalDate.of(2010, 12, 1), LocalDate.of(2011, 12, 9));
    ExpectedRetailCustomers.Result result =
        ExpectedRetailCustomers.fromCsv(file, LONDON, LocalDate.of(2011, 12, 9));
    assertThat(result.linesIn()).isEqualTo(summary.lines());
    assertThat(
            result.accepted() + result.excludedByRule().values().stream().mapToLong(n -> n).sum())
        .isEqualTo(result.linesIn());
    assertThat(result.excludedByRule()).allSatisfy((rule, lines) -> assertThat(lines).isPositive());
    // The generator keeps a paid product first in every sale: each customer sale is a transaction.
    assertThat(result.customers()).hasSize(summary.customers());
    assertThat(result.transactions()).allMatch(t -> t.amount().signum() > 0);
  }

  private static Transaction transaction(String customer, String instant, String amount) {
    return new Transaction(customer, Instant.parse(instant), new BigDecimal(amount));
  }
}
