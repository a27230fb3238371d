package dev.idic.batch.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The per-customer summary and value tiers computed from the transaction CSV files with plain Java,
 * independently of Spark and of the pipeline's code, from the definitions in DESIGN.md.
 */
final class ExpectedCustomers {

  record Customer(
      String id,
      int frequency,
      double recencyDays,
      double ageDays,
      double monetaryValue,
      double totalSpend,
      long daysSinceLastPurchase) {}

  private ExpectedCustomers() {}

  /** One transaction of the pipeline's contract; a negative amount is a return. */
  record Transaction(String customerId, Instant ts, BigDecimal amount) {}

  static Map<String, Customer> fromCsvFolder(Path folder, ZoneId zone, LocalDate asOf) {
    List<Transaction> transactions = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
        List<String> lines = Files.readAllLines(file);
        List<String> header = List.of(lines.get(0).split(","));
        int id = header.indexOf("customer_id");
        int ts = header.indexOf("ts");
        int amount = header.indexOf("amount");
        for (String line : lines.subList(1, lines.size())) {
          String[] f = line.split(",", -1);
          transactions.add(
              new Transaction(
                  f[id], OffsetDateTime.parse(f[ts]).toInstant(), new BigDecimal(f[amount])));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return fromTransactions(transactions, zone, asOf);
  }

  /** Transactions after the as-of date (in {@code zone}) are left out, as the pipeline does. */
  static Map<String, Customer> fromTransactions(
      List<Transaction> transactions, ZoneId zone, LocalDate asOf) {
    return fromTransactions(transactions, zone, asOf, false);
  }

  /**
   * As {@link #fromTransactions(List, ZoneId, LocalDate)}; with {@code separateReturns} (config
   * {@code returns: separate}) a purchase day is worth its non-negative transactions alone, and
   * returns lower only the total spend.
   */
  static Map<String, Customer> fromTransactions(
      List<Transaction> transactions, ZoneId zone, LocalDate asOf, boolean separateReturns) {
    // Per day: purchase value, 1 when a purchase day, net value.
    Map<String, TreeMap<LocalDate, BigDecimal[]>> days = new HashMap<>();
    for (Transaction transaction : transactions) {
      LocalDate day = transaction.ts().atZone(zone).toLocalDate();
      if (day.isAfter(asOf)) {
        continue;
      }
      BigDecimal value = transaction.amount();
      BigDecimal[] sums =
          days.computeIfAbsent(transaction.customerId(), k -> new TreeMap<>())
              .computeIfAbsent(
                  day, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
      if (!separateReturns || value.signum() >= 0) {
        sums[0] = sums[0].add(value);
      }
      sums[2] = sums[2].add(value);
      if (value.signum() >= 0) {
        sums[1] = BigDecimal.ONE;
      }
    }
    Map<String, Customer> customers = new HashMap<>();
    days.forEach(
        (id, byDay) -> {
          List<LocalDate> purchaseDays = new ArrayList<>();
          BigDecimal total = BigDecimal.ZERO;
          BigDecimal repeatValue = BigDecimal.ZERO;
          for (Map.Entry<LocalDate, BigDecimal[]> day : byDay.entrySet()) {
            total = total.add(day.getValue()[2]);
            if (day.getValue()[1].signum() > 0) {
              if (!purchaseDays.isEmpty()) {
                repeatValue = repeatValue.add(day.getValue()[0]);
              }
              purchaseDays.add(day.getKey());
            }
          }
          if (purchaseDays.isEmpty()) {
            return;
          }
          LocalDate first = purchaseDays.get(0);
          LocalDate last = purchaseDays.get(purchaseDays.size() - 1);
          int frequency = purchaseDays.size() - 1;
          customers.put(
              id,
              new Customer(
                  id,
                  frequency,
                  ChronoUnit.DAYS.between(first, last),
                  ChronoUnit.DAYS.between(first, asOf),
                  frequency == 0 ? 0.0 : repeatValue.doubleValue() / frequency,
                  total.doubleValue(),
                  ChronoUnit.DAYS.between(last, asOf)));
        });
    return customers;
  }

  /** Tiers on historical spend: VIP top 5%, Key next 15%, Regular next 50%, rounded up. */
  static Map<String, String> tiersBySpend(Map<String, Customer> customers) {
    List<Customer> ranked =
        customers.values().stream()
            .sorted(
                Comparator.comparingDouble(Customer::totalSpend)
                    .reversed()
                    .thenComparing(Customer::id))
            .toList();
    int n = ranked.size();
    Map<String, String> tiers = new HashMap<>();
    for (int i = 0; i < n; i++) {
      int rank = i + 1;
      String tier =
          rank <= percentOf(5, n)
              ? "vip"
              : rank <= percentOf(20, n) ? "key" : rank <= percentOf(70, n) ? "regular" : "small";
      tiers.put(ranked.get(i).id(), tier);
    }
    return tiers;
  }

  /** ⌈percent·n/100⌉ in integers. */
  private static int percentOf(int percent, int n) {
    return (percent * n + 99) / 100;
  }
}
