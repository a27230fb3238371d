package dev.idic.batch.e2e;

import dev.idic.batch.e2e.ExpectedCustomers.Customer;
import dev.idic.batch.e2e.ExpectedCustomers.Transaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the pipeline must make of a UCI Online Retail-shaped csv file (one row per order line),
 * computed with plain Java, independently of Spark and of the pipeline's code: the exclusion rules
 * of {@code conf/examples/online_retail.yaml}, the lines of an invoice summed into one transaction,
 * and the per-customer summary of {@link ExpectedCustomers}.
 */
final class ExpectedRetailCustomers {

  /** The rules in the order they are applied; a line counts for the first that matches. */
  static final List<String> RULES =
      List.of(
          "missing_customer", "cancelled", "non_product", "zero_price", "non_positive_quantity");

  private static final Set<String> NON_PRODUCT_CODES = Set.of("POST", "DOT", "M", "BANK CHARGES");
  private static final DateTimeFormatter INVOICE_DATE =
      DateTimeFormatter.ofPattern("M/d/yyyy H:mm");
  private static final List<String> HEADER =
      List.of(
          "InvoiceNo",
          "StockCode",
          "Description",
          "Quantity",
          "InvoiceDate",
          "UnitPrice",
          "CustomerID",
          "Country");

  /**
   * @param linesIn data lines of the file (header not counted)
   * @param accepted lines that match no rule; linesIn = accepted + sum of excludedByRule
   * @param excludedByRule lines per rule, every rule of {@link #RULES} present, in that order
   * @param transactions one per invoice with at least one accepted line, in file order
   * @param customers the BTYD summary per CustomerID
   */
  record Result(
      long linesIn,
      long accepted,
      Map<String, Long> excludedByRule,
      List<Transaction> transactions,
      Map<String, Customer> customers) {}

  private ExpectedRetailCustomers() {}

  static Result fromCsv(Path file, ZoneId zone, LocalDate asOf) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!fields(lines.get(0)).equals(HEADER)) {
      throw new IllegalArgumentException(
          file + ": not the UCI Online Retail header: " + lines.get(0));
    }
    Map<String, Long> excluded = new LinkedHashMap<>();
    RULES.forEach(rule -> excluded.put(rule, 0L));
    Map<String, Transaction> byInvoice = new LinkedHashMap<>();
    long accepted = 0;
    for (String line : lines.subList(1, lines.size())) {
      List<String> f = fields(line);
      String invoiceNo = f.get(0);
      int quantity = Integer.parseInt(f.get(3));
      BigDecimal unitPrice = new BigDecimal(f.get(5));
      String customerId = f.get(6).strip();
      String rule = firstMatchingRule(invoiceNo, f.get(1), quantity, unitPrice, customerId);
      if (rule != null) {
        excluded.merge(rule, 1L, Long::sum);
        continue;
      }
      accepted++;
      LocalDateTime local = LocalDateTime.parse(f.get(4), INVOICE_DATE);
      if (local.toLocalDate().isAfter(asOf)) {
        // The pipeline would quarantine it as after_as_of_date; nothing here predicts that count.
        throw new IllegalArgumentException(
            file + ": accepted line after the as-of date " + asOf + ": " + line);
      }
      BigDecimal amount =
          BigDecimal.valueOf(quantity).multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
      Transaction transaction = new Transaction(customerId, local.atZone(zone).toInstant(), amount);
      byInvoice.merge(
          invoiceNo,
          transaction,
          (sum, next) -> {
            if (!sum.customerId().equals(next.customerId()) || !sum.ts().equals(next.ts())) {
              throw new IllegalArgumentException(
                  file + ": lines of invoice " + invoiceNo + " differ in customer or date");
            }
            return new Transaction(sum.customerId(), sum.ts(), sum.amount().add(next.amount()));
          });
    }
    List<Transaction> transactions = new ArrayList<>(byInvoice.values());
    return new Result(
        lines.size() - 1L,
        accepted,
        excluded,
        List.copyOf(transactions),
        ExpectedCustomers.fromTransactions(transactions, zone, asOf));
  }

  private static String firstMatchingRule(
      String invoiceNo, String stockCode, int quantity, BigDecimal unitPrice, String customerId) {
    if (customerId.isEmpty()) {
      return "missing_customer";
    }
    if (invoiceNo.startsWith("C")) {
      return "cancelled";
    }
    if (NON_PRODUCT_CODES.contains(stockCode)) {
      return "non_product";
    }
    if (unitPrice.signum() <= 0) {
      return "zero_price";
    }
    if (quantity <= 0) {
      return "non_positive_quantity";
    }
    return null;
  }

  /** The RFC 4180 fields of one line (no line breaks inside fields). */
  static List<String> fields(String line) {
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
    return fields;
  }
}
