package dev.idic.synth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idic.synth.testing.LocalSpark;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated data shows what the demo must show: concentrated value, churn, returns, and
 * interactions that carry the churn signal. Measured here on the rows, as a user would.
 */
class SyntheticBehaviourTest {

  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);
  private static final SyntheticSpec SPEC =
      SyntheticSpec.demo(AS_OF).withCustomers(3000).withBadRowRate(0);

  private static List<Txn> transactions;
  private static List<Contact> interactions;
  private static Map<String, Customer> customers;
  private static Set<String> customerFileIds;
  private static Map<String, BigDecimal> walletEstimates;

  @BeforeAll
  static void generate() {
    SparkSession spark = LocalSpark.session();
    transactions =
        SyntheticData.transactions(spark, SPEC, 3).collectAsList().stream().map(Txn::of).toList();
    interactions =
        SyntheticData.interactions(spark, SPEC, 3).collectAsList().stream()
            .map(Contact::of)
            .toList();
    customerFileIds =
        SyntheticData.customers(spark, SPEC, 3).collectAsList().stream()
            .map(row -> row.getString(0))
            .collect(Collectors.toSet());
    walletEstimates =
        SyntheticData.walletEstimates(spark, SPEC, 3).collectAsList().stream()
            .collect(
                Collectors.toMap(row -> row.getString(0), row -> new BigDecimal(row.getString(1))));
    customers = new HashMap<>();
    for (Txn txn : transactions) {
      customers.computeIfAbsent(txn.customerId, id -> new Customer()).add(txn);
    }
  }

  @Test
  void topTwentyPercentOfCustomersBringWellOverHalfTheRevenue() {
    List<BigDecimal> spend =
        customers.values().stream()
            .map(customer -> customer.netSpend)
            .sorted(Comparator.reverseOrder())
            .toList();
    BigDecimal total = spend.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal top =
        spend.subList(0, spend.size() / 5).stream().reduce(BigDecimal.ZERO, BigDecimal::add);

    assertThat(top.doubleValue() / total.doubleValue())
        .as("revenue share of the top 20% of customers")
        .isGreaterThan(0.6);
  }

  @Test
  void someCustomersHaveChurnedAndOthersAreActive() {
    long established =
        customers.values().stream().filter(c -> c.first.isBefore(AS_OF.minusYears(2))).count();
    long lapsed =
        customers.values().stream()
            .filter(c -> c.first.isBefore(AS_OF.minusYears(2)))
            .filter(c -> c.lastPurchase.isBefore(AS_OF.minusYears(1)))
            .count();
    long recentNewcomers =
        customers.values().stream().filter(c -> c.first.isAfter(AS_OF.minusDays(90))).count();

    assertThat(lapsed / (double) established)
        .as("share of customers acquired 2+ years ago without a purchase for a year")
        .isBetween(0.15, 0.8);
    assertThat(recentNewcomers / (double) customers.size())
        .as("share of customers acquired in the last 90 days")
        .isBetween(0.1, 0.25);
  }

  @Test
  void returnsAreAFewPercentAndReferToAnEarlierPurchase() {
    List<Txn> returns = transactions.stream().filter(t -> t.amount.signum() < 0).toList();

    assertThat(returns.size() / (double) transactions.size())
        .as("share of return rows")
        .isBetween(0.01, 0.06);
    assertThat(returns)
        .as("each return matches an earlier purchase row of the customer at least as large")
        .allSatisfy(
            refund ->
                assertThat(customers.get(refund.customerId).rows)
                    .anySatisfy(
                        bought -> {
                          assertThat(bought.ts).isBefore(refund.ts);
                          assertThat(bought.amount).isGreaterThanOrEqualTo(refund.amount.negate());
                          assertThat(bought.category).isEqualTo(refund.category);
                        }));
  }

  @Test
  void somePurchaseDaysHaveSeveralRows() {
    Map<String, Long> rowsPerDay =
        transactions.stream()
            .filter(t -> t.amount.signum() > 0)
            .collect(Collectors.groupingBy(t -> t.customerId + t.date, Collectors.counting()));
    long multiRowDays = rowsPerDay.values().stream().filter(n -> n > 1).count();

    assertThat(multiRowDays / (double) rowsPerDay.size())
        .as("share of purchase days with several rows")
        .isBetween(0.2, 0.5);
  }

  @Test
  void interactionsUseTheContractVocabularyAndOnlyAFewUnknownCustomers() {
    Set<String> unknown =
        interactions.stream()
            .map(c -> c.customerId)
            .filter(id -> !customers.containsKey(id))
            .collect(Collectors.toCollection(TreeSet::new));
    long unknownRows = interactions.stream().filter(c -> unknown.contains(c.customerId)).count();

    assertThat(unknown).as("prospects who never bought").isNotEmpty();
    assertThat(unknownRows / (double) interactions.size())
        .as("share of interactions of unknown customers")
        .isLessThan(0.01);
    assertThat(unknown)
        .as("prospects are not in the customers file")
        .doesNotContainAnyElementsOf(customerFileIds);
    assertThat(interactions)
        .as("channel, initiator and type from the contract")
        .allSatisfy(
            c -> {
              assertThat(c.channel)
                  .isIn(
                      "face_to_face", "phone", "email", "letter", "web", "chat", "event", "other");
              assertThat(c.initiator).isIn("company", "customer");
              assertThat(c.type)
                  .isIn("call", "visit", "inquiry", "complaint", "campaign", "feedback", "other");
            });
    assertThat(interactions.stream().filter(c -> c.type.equals("complaint")))
        .as("complaints are resolved after they are made, or still open without an outcome")
        .isNotEmpty()
        .allSatisfy(
            c -> {
              if (c.resolvedTs == null) {
                assertThat(c.outcome).isNull();
              } else {
                assertThat(c.resolvedTs).isAfter(c.ts);
                assertThat(c.outcome).isIn("resolved", "refunded", "unresolved", "disputed");
              }
              if (c.satisfaction != null) {
                assertThat(c.satisfaction).isBetween(1, 5);
              }
            });
  }

  @Test
  void companyContactsHighSpendersMoreOften() {
    List<Customer> bySpend =
        customers.values().stream().sorted(Comparator.comparing(c -> c.netSpend)).toList();
    Map<String, Long> calls =
        interactions.stream()
            .filter(c -> c.type.equals("call") || c.type.equals("visit"))
            .collect(Collectors.groupingBy(c -> c.customerId, Collectors.counting()));

    double bottomHalf = callsPerYear(bySpend.subList(0, bySpend.size() / 2), calls);
    double topTenth = callsPerYear(bySpend.subList(bySpend.size() * 9 / 10, bySpend.size()), calls);

    assertThat(topTenth)
        .as("calls and visits per customer-year, top 10% vs bottom half by spend")
        .isGreaterThan(2 * bottomHalf);
  }

  @Test
  void complaintsAreMoreFrequentBeforeChurn() {
    Map<String, List<Contact>> complaints = complaintsByCustomer();
    // Lapsed: no purchase in the last 180 days; window: 120 days before to 30 after the last one.
    List<Customer> lapsed =
        customers.values().stream()
            .filter(c -> c.lastPurchase.isBefore(AS_OF.minusDays(180)))
            .toList();
    long lapsedWithComplaint =
        lapsed.stream()
            .filter(
                c ->
                    complaints.getOrDefault(c.id, List.of()).stream()
                        .anyMatch(
                            k ->
                                !k.date.isBefore(c.lastPurchase.minusDays(120))
                                    && !k.date.isAfter(c.lastPurchase.plusDays(30))))
            .count();
    // Active: bought in the last 30 days, customer for over a year; same-length window at the end.
    List<Customer> active =
        customers.values().stream()
            .filter(c -> c.lastPurchase.isAfter(AS_OF.minusDays(30)))
            .filter(c -> c.first.isBefore(AS_OF.minusYears(1)))
            .toList();
    long activeWithComplaint =
        active.stream()
            .filter(
                c ->
                    complaints.getOrDefault(c.id, List.of()).stream()
                        .anyMatch(k -> k.date.isAfter(AS_OF.minusDays(150))))
            .count();

    double lapsedShare = lapsedWithComplaint / (double) lapsed.size();
    double activeShare = activeWithComplaint / (double) active.size();
    assertThat(lapsedShare)
        .as(
            "complaint around the last purchase of lapsed customers (%.3f) vs active customers"
                + " in their last 150 days (%.3f)",
            lapsedShare, activeShare)
        .isGreaterThan(2 * activeShare);
  }

  @Test
  void resolvedComplaintsAreFollowedByMorePurchasesThanUnresolvedOnes() {
    int[] followed = new int[2];
    int[] total = new int[2];
    for (Contact complaint : interactions) {
      if (!complaint.type.equals("complaint")
          || complaint.outcome == null
          || !complaint.date.isBefore(AS_OF.minusDays(180))) {
        continue;
      }
      int group = Set.of("resolved", "refunded").contains(complaint.outcome) ? 0 : 1;
      total[group]++;
      boolean boughtAgain =
          customers.get(complaint.customerId).rows.stream()
              .anyMatch(t -> t.amount.signum() > 0 && t.ts.isAfter(complaint.ts));
      if (boughtAgain) {
        followed[group]++;
      }
    }
    double resolved = followed[0] / (double) total[0];
    double unresolved = followed[1] / (double) total[1];

    assertThat(Math.min(total[0], total[1]))
        .as("complaints of each kind old enough to judge")
        .isGreaterThan(30);
    assertThat(resolved)
        .as("share followed by a purchase: resolved %.3f vs unresolved %.3f", resolved, unresolved)
        .isGreaterThan(unresolved + 0.15);
  }

  @Test
  void walletEstimatesExceedWhatTheCustomerSpendsWithUsInAYear() {
    assertThat(walletEstimates)
        .as("estimates above the last year's spend with us")
        .isNotEmpty()
        .allSatisfy(
            (id, estimate) ->
                assertThat(estimate)
                    .isGreaterThan(customers.get(id).spendSince(AS_OF.minusDays(365))));
  }

  private static double callsPerYear(List<Customer> group, Map<String, Long> calls) {
    double years = 0;
    long count = 0;
    for (Customer customer : group) {
      years += ChronoUnit.DAYS.between(customer.first, AS_OF) / 365.0 + 1 / 365.0;
      count += calls.getOrDefault(customer.id, 0L);
    }
    return count / years;
  }

  private static Map<String, List<Contact>> complaintsByCustomer() {
    return interactions.stream()
        .filter(c -> c.type.equals("complaint"))
        .collect(Collectors.groupingBy(c -> c.customerId));
  }

  private record Txn(
      String customerId, OffsetDateTime ts, LocalDate date, BigDecimal amount, String category) {
    static Txn of(Row row) {
      OffsetDateTime ts = OffsetDateTime.parse(row.getString(2));
      return new Txn(
          row.getString(1),
          ts,
          ts.toLocalDate(),
          new BigDecimal(row.getString(3)),
          row.getString(7));
    }
  }

  private record Contact(
      String customerId,
      OffsetDateTime ts,
      LocalDate date,
      String channel,
      String initiator,
      String type,
      OffsetDateTime resolvedTs,
      String outcome,
      Integer satisfaction) {
    static Contact of(Row row) {
      OffsetDateTime ts = OffsetDateTime.parse(row.getString(2));
      return new Contact(
          row.getString(1),
          ts,
          ts.toLocalDate(),
          row.getString(3),
          row.getString(4),
          row.getString(5),
          row.isNullAt(6) ? null : OffsetDateTime.parse(row.getString(6)),
          row.getString(7),
          row.isNullAt(8) ? null : Integer.valueOf(row.getString(8)));
    }
  }

  /** What a user's features stage would compute for one customer. */
  private static final class Customer {
    String id;
    final List<Txn> rows = new ArrayList<>();
    LocalDate first = LocalDate.MAX;
    LocalDate lastPurchase = LocalDate.MIN;
    BigDecimal netSpend = BigDecimal.ZERO;

    void add(Txn txn) {
      id = txn.customerId;
      rows.add(txn);
      netSpend = netSpend.add(txn.amount);
      if (txn.amount.signum() > 0) {
        first = txn.date.isBefore(first) ? txn.date : first;
        lastPurchase = txn.date.isAfter(lastPurchase) ? txn.date : lastPurchase;
      }
    }

    BigDecimal spendSince(LocalDate from) {
      return rows.stream()
          .filter(t -> !t.date.isBefore(from))
          .map(t -> t.amount)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }
}
