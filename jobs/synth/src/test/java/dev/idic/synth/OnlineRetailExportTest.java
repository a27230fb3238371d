package dev.idic.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnlineRetailExportTest {

  private static final LocalDate FROM = LocalDate.of(2010, 12, 1);
  private static final LocalDate TO = LocalDate.of(2011, 12, 9);
  private static final DateTimeFormatter INVOICE_DATE =
      DateTimeFormatter.ofPattern("M/d/yyyy H:mm");

  @TempDir static Path dir;
  private static Path file;
  private static OnlineRetailExport.Summary summary;
  private static List<String[]> rows;

  @BeforeAll
  static void generate() throws IOException {
    file = dir.resolve("online_retail.csv");
    summary = OnlineRetailExport.write(file, 42, 1_000, FROM, TO);
    rows = parse(file);
  }

  @Test
  void sameSeedSameBytesOtherSeedOtherFile() throws IOException {
    Path again = dir.resolve("again.csv");
    Path other = dir.resolve("other.csv");
    OnlineRetailExport.write(again, 42, 1_000, FROM, TO);
    OnlineRetailExport.write(other, 43, 1_000, FROM, TO);
    assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(file));
    assertThat(Files.readAllBytes(other)).isNotEqualTo(Files.readAllBytes(file));
  }

  @Test
  void summaryCountsWhatTheFileHolds() throws IOException {
    assertThat(Files.readAllLines(file, StandardCharsets.UTF_8).get(0))
        .isEqualTo(
            "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country");
    assertThat(rows).hasSize((int) summary.lines());
    assertThat(rows.stream().map(r -> r[0]).distinct().count()).isEqualTo(summary.invoices());
    assertThat(rows.stream().map(r -> r[6]).filter(id -> !id.isEmpty()).distinct().count())
        .isEqualTo(summary.customers());
    assertThat(summary.customers()).isEqualTo(1_000);
  }

  @Test
  void everyFieldHasTheUciShape() {
    for (String[] row : rows) {
      assertThat(row).hasSize(8);
      assertThat(row[0]).matches("C?\\d{6}");
      assertThat(row[3]).matches("-?[1-9]\\d*");
      LocalDateTime at = LocalDateTime.parse(row[4], INVOICE_DATE);
      assertThat(at.toLocalDate()).isBetween(FROM, TO);
      assertThat(row[5]).matches("\\d+\\.\\d{2}");
      assertThat(row[6]).matches("|\\d{5}");
      assertThat(row[7]).isNotEmpty();
    }
    assertThat(rows).anyMatch(r -> r[2].contains(",")).anyMatch(r -> r[2].contains("\""));
  }

  @Test
  void aboutAQuarterOfTheLinesAreGuests() {
    long guests = rows.stream().filter(r -> r[6].isEmpty()).count();
    assertThat((double) guests / rows.size()).isBetween(0.24, 0.26);
  }

  @Test
  void linesOfAnInvoiceShareItsHeaderAndHaveDistinctStockCodes() {
    Map<String, List<String[]>> byInvoice = byInvoice();
    int multiLine = 0;
    for (List<String[]> lines : byInvoice.values()) {
      Set<String> codes = new HashSet<>();
      for (String[] line : lines) {
        assertThat(codes.add(line[1])).as("stock code %s twice in %s", line[1], line[0]).isTrue();
        assertThat(line[4]).isEqualTo(lines.get(0)[4]);
        assertThat(line[6]).isEqualTo(lines.get(0)[6]);
        assertThat(line[7]).isEqualTo(lines.get(0)[7]);
      }
      multiLine += lines.size() > 1 ? 1 : 0;
    }
    assertThat(multiLine).isGreaterThan(byInvoice.size() / 2);
  }

  @Test
  void cancellationsTakeBackLinesOfAnEarlierInvoiceOfTheSameCustomer() {
    Map<String, List<String[]>> byInvoice = byInvoice();
    int cancellations = 0;
    for (Map.Entry<String, List<String[]>> invoice : byInvoice.entrySet()) {
      if (!invoice.getKey().startsWith("C")) {
        continue;
      }
      cancellations++;
      String[] first = invoice.getValue().get(0);
      assertThat(first[6]).as("customer of %s", first[0]).isNotEmpty();
      LocalDateTime cancelledAt = LocalDateTime.parse(first[4], INVOICE_DATE);
      int number = Integer.parseInt(first[0].substring(1));
      boolean referenced =
          byInvoice.values().stream()
              .map(lines -> lines.get(0))
              .filter(sale -> !sale[0].startsWith("C") && sale[6].equals(first[6]))
              .filter(sale -> Integer.parseInt(sale[0]) < number)
              .filter(sale -> LocalDateTime.parse(sale[4], INVOICE_DATE).isBefore(cancelledAt))
              .anyMatch(sale -> takesBack(invoice.getValue(), byInvoice.get(sale[0])));
      assertThat(referenced).as("an earlier sale of %s covered by %s", first[6], first[0]).isTrue();
    }
    assertThat(cancellations).isGreaterThan(100);
  }

  /** Every cancelled line names a product of the sale, at its price, for at most its quantity. */
  private static boolean takesBack(List<String[]> cancellation, List<String[]> sale) {
    Map<String, String[]> sold = new HashMap<>();
    sale.forEach(line -> sold.put(line[1], line));
    return cancellation.stream()
        .allMatch(
            line -> {
              String[] bought = sold.get(line[1]);
              int quantity = Integer.parseInt(line[3]);
              return bought != null
                  && quantity < 0
                  && -quantity <= Integer.parseInt(bought[3])
                  && line[5].equals(bought[5]);
            });
  }

  @Test
  void someLinesAreFreeOrNotProductsOrCorrections() {
    assertThat(rows).anyMatch(r -> r[5].equals("0.00"));
    long corrections =
        rows.stream().filter(r -> !r[0].startsWith("C") && r[3].startsWith("-")).count();
    assertThat((double) corrections / rows.size())
        .as("share of correction lines")
        .isBetween(0.001, 0.01);
    for (String code : OnlineRetailExport.NON_PRODUCT_CODES) {
      assertThat(rows).as("lines with stock code %s", code).anyMatch(r -> r[1].equals(code));
    }
    // A sale's first line is always a paid product, so no sale is excluded as a whole.
    byInvoice().values().stream()
        .map(lines -> lines.get(0))
        .filter(first -> !first[0].startsWith("C"))
        .forEach(
            first -> {
              assertThat(OnlineRetailExport.NON_PRODUCT_CODES).doesNotContain(first[1]);
              assertThat(first[5]).isNotEqualTo("0.00");
              assertThat(Integer.parseInt(first[3])).isPositive();
            });
  }

  @Test
  void customersBuyAtDifferentRatesAndMostBuyMoreThanOnce() {
    Map<String, Long> sales = new HashMap<>();
    byInvoice().values().stream()
        .map(lines -> lines.get(0))
        .filter(first -> !first[0].startsWith("C") && !first[6].isEmpty())
        .forEach(first -> sales.merge(first[6], 1L, Long::sum));
    long once = sales.values().stream().filter(n -> n == 1).count();
    long many = sales.values().stream().filter(n -> n >= 10).count();
    assertThat(once).as("one-time buyers").isGreaterThan(100);
    assertThat(many).as("buyers of ten or more invoices").isGreaterThan(10);
  }

  @Test
  void customersDifferInTheirTypicalBasket() {
    Map<String, double[]> quantities = new HashMap<>();
    rows.stream()
        .filter(r -> !r[0].startsWith("C") && !r[6].isEmpty() && Integer.parseInt(r[3]) > 0)
        .forEach(
            r -> {
              double[] sum = quantities.computeIfAbsent(r[6], k -> new double[2]);
              sum[0] += Integer.parseInt(r[3]);
              sum[1]++;
            });
    double[] means =
        quantities.values().stream()
            .filter(sum -> sum[1] >= 20)
            .mapToDouble(sum -> sum[0] / sum[1])
            .sorted()
            .toArray();
    assertThat(means.length).as("customers with 20 lines or more").isGreaterThan(50);
    assertThat(means[means.length * 9 / 10] / means[means.length / 10])
        .as("the 90th over the 10th percentile of customers' mean quantity per line")
        .isGreaterThan(2.5);
  }

  private static Map<String, List<String[]>> byInvoice() {
    Map<String, List<String[]>> byInvoice = new LinkedHashMap<>();
    rows.forEach(r -> byInvoice.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r));
    return byInvoice;
  }

  /** RFC 4180 fields of each data line (the generator writes no line breaks inside fields). */
  private static List<String[]> parse(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String[]> parsed = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = !quoted;
        } else if (c == ',' && !quoted) {
          fields.add(field.toString());
          field.setLength(0);
        } else {
          field.append(c);
        }
      }
      fields.add(field.toString());
      parsed.add(fields.toArray(String[]::new));
    }
    return parsed;
  }
}
