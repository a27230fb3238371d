package dev.idic.batch.e2e;

import dev.idic.batch.e2e.ExpectedCustomers.Customer;
import dev.idic.batch.e2e.ExpectedCustomers.Transaction;
import dev.idic.stages.settings.InputShaping;
import dev.idic.stages.settings.InputShaping.Returns;
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
   * @param baskets units, prices and returns per CustomerID of {@code customers}
   */
  record Result(
      long linesIn,
      long accepted,
      Map<String, Long> excludedByRule,
      List<Transaction> transactions,
      Map<String, Customer> customers,
      Map<String, Basket> baskets) {}

  /**
   * What a customer's invoices hold beyond the summary. An invoice whose accepted lines sum below
   * zero is a return; the others are purchases.
   *
   * @param units the purchases' quantities, summed
   * @param avgUnitPrice quantity-weighted mean of the purchases' unit prices, where an invoice's
   *     unit price is the quantity-weighted mean of its lines' to 4 decimals (the contract's
   *     scale); null without a purchase of positive quantity
   * @param returnsCount returns
   * @param returnedAmount the returns' amounts, without sign
   */
  record Basket(long units, Double avgUnitPrice, long returnsCount, double returnedAmount) {}

  /** An invoice's accepted lines, summed. */
  private record Invoice(Transaction transaction, long quantity, BigDecimal pricedValue) {

    /** The invoice's quantity-weighted unit price, null when its quantities do not sum above 0. */
    BigDecimal unitPrice() {
      return quantity > 0
          ? pricedValue.divide(BigDecimal.valueOf(quantity), 4, RoundingMode.HALF_UP)
          : null;
    }
  }

  private ExpectedRetailCustomers() {}

  /** With every rule of {@link #RULES} and returns netted, as the shipped example. */
  static Result fromCsv(Path file, ZoneId zone, LocalDate asOf) {
    return fromCsv(file, zone, asOf, Set.copyOf(RULES), Returns.NET);
  }

  /**
   * @param rules the rules of {@link #RULES} the configuration keeps, applied in that order
   * @param returns the configuration's {@code returns}; with exclude, a line that no rule matches
   *     is excluded as {@code return} when all lines of its invoice sum below zero
   */
  static Result fromCsv(
      Path file, ZoneId zone, LocalDate asOf, Set<String> rules, Returns returns) {
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
    RULES.stream().filter(rules::contains).forEach(rule -> excluded.put(rule, 0L));
    if (returns == Returns.EXCLUDE) {
      excluded.put(InputShaping.RETURN_RULE, 0L);
    }
    // The return rule judges an invoice by all its lines, whatever the other rules make of them.
    Map<String, BigDecimal> invoiceSums = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> f = fields(line);
      invoiceSums.merge(f.get(0), lineAmount(f), BigDecimal::add);
    }
    Map<String, Invoice> byInvoice = new LinkedHashMap<>();
    long accepted = 0;
    for (String line : lines.subList(1, lines.size())) {
      List<String> f = fields(line);
      String invoiceNo = f.get(0);
      int quantity = Integer.parseInt(f.get(3));
      BigDecimal unitPrice = new BigDecimal(f.get(5));
      String customerId = f.get(6).strip();
      String rule = firstMatchingRule(invoiceNo, f.get(1), quantity, unitPrice, customerId, rules);
      if (rule == null && returns == Returns.EXCLUDE && invoiceSums.get(invoiceNo).signum() < 0) {
        rule = InputShaping.RETURN_RULE;
      }
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
      BigDecimal amount = lineAmount(f);
      Invoice invoice =
          new Invoice(
              new Transaction(customerId, local.atZone(zone).toInstant(), amount),
              quantity,
              unitPrice.multiply(BigDecimal.valueOf(quantity)));
      byInvoice.merge(
          invoiceNo,
          invoice,
          (sum, next) -> {
            Transaction a = sum.transaction();
            Transaction b = next.transaction();
            if (!a.customerId().equals(b.customerId()) || !a.ts().equals(b.ts())) {
              throw new IllegalArgumentException(
                  file + ": lines of invoice " + invoiceNo + " differ in customer or date");
            }
            return new Invoice(
                new Transaction(a.customerId(), a.ts(), a.amount().add(b.amount())),
                sum.quantity() + next.quantity(),
                sum.pricedValue().add(next.pricedValue()));
          });
    }
    List<Transaction> transactions = byInvoice.values().stream().map(Invoice::transaction).toList();
    Map<String, Customer> customers =
        ExpectedCustomers.fromTransactions(transactions, zone, asOf, returns == Returns.SEPARATE);
    return new Result(
        lines.size() - 1L,
        accepted,
        excluded,
        transactions,
        customers,
        baskets(byInvoice.values(), customers.keySet()));
  }

  /** Quantity times unit price, half up to cents: the derived amount of one line. */
  private static BigDecimal lineAmount(List<String> fields) {
    return new BigDecimal(fields.get(3))
        .multiply(new BigDecimal(fields.get(5)))
        .setScale(2, RoundingMode.HALF_UP);
  }

  private static Map<String, Basket> baskets(Iterable<Invoice> invoices, Set<String> customerIds) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    Map<String, BigDecimal[]> values = new LinkedHashMap<>();
    for (Invoice invoice : invoices) {
      String id = invoice.transaction().customerId();
      long[] c = counts.computeIfAbsent(id, k -> new long[3]);
      BigDecimal[] v =
          values.computeIfAbsent(id, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      BigDecimal amount = invoice.transaction().amount();
      if (amount.signum() < 0) {
        c[2]++;
        v[1] = v[1].add(amount.negate());
        continue;
      }
      c[0] += invoice.quantity();
      BigDecimal unitPrice = invoice.unitPrice();
      if (invoice.quantity() > 0 && unitPrice != null) {
        c[1] += invoice.quantity();
        v[0] = v[0].add(unitPrice.multiply(BigDecimal.valueOf(invoice.quantity())));
      }
    }
    Map<String, Basket> baskets = new LinkedHashMap<>();
    for (String id : customerIds) {
      long[] c = counts.get(id);
      BigDecimal[] v = values.get(id);
      baskets.put(
          id,
          new Basket(c[0], c[1] > 0 ? v[0].doubleValue() / c[1] : null, c[2], v[1].doubleValue()));
    }
    return baskets;
  }

  private static String firstMatchingRule(
      String invoiceNo,
      String stockCode,
      int quantity,
      BigDecimal unitPrice,
      String customerId,
      Set<String> rules) {
    Map<String, Boolean> matches = new LinkedHashMap<>();
    matches.put("missing_customer", customerId.isEmpty());
    matches.put("cancelled", invoiceNo.startsWith("C"));
    matches.put("non_product", NON_PRODUCT_CODES.contains(stockCode));
    matches.put("zero_price", unitPrice.signum() <= 0);
    matches.put("non_positive_quantity", quantity <= 0);
    for (String rule : RULES) {
      if (rules.contains(rule) && matches.get(rule)) {
        return rule;
      }
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
