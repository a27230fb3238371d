package dev.idic.stages.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idic.stages.settings.TimeUnit;
import dev.idic.stages.testing.Rows;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** cohort_retention against a plain-Java computation of its definition over generated lines. */
class CohortRetentionTest {

  private static final LocalDate AS_OF = LocalDate.parse("2025-06-15");

  @Test
  void smallCaseReadsAsTheDefinitionSays() {
    List<String> rows =
        rows(
            cohorts(
                Rows.transactions(
                    "a",
                    "2025-03-05",
                    10, // cohort March
                    "a",
                    "2025-03-20",
                    5,
                    "a",
                    "2025-05-02",
                    7,
                    "a",
                    "2025-05-02",
                    -2, // netted in May's revenue
                    "b",
                    "2025-03-31",
                    20, // cohort March, never again
                    "c",
                    "2025-02-10",
                    -4, // a return before c's first purchase: no month
                    "c",
                    "2025-04-01",
                    8, // cohort April
                    "d",
                    "2025-05-09",
                    -3) // returns only: no cohort
                ,
                AS_OF));
    assertThat(rows)
        .as("cohort_month, months_since, cohort_customers, active, share, revenue")
        .containsExactly(
            "2025-03-01,0,2,2,1.0,35.0",
            "2025-03-01,1,2,0,0.0,0.0",
            "2025-03-01,2,2,1,0.5,5.0",
            "2025-03-01,3,2,0,0.0,0.0",
            "2025-04-01,0,1,1,1.0,8.0",
            "2025-04-01,1,1,0,0.0,0.0",
            "2025-04-01,2,1,0,0.0,0.0");
  }

  @Test
  void generatedLinesGiveThePlainJavaTable() {
    Random random = new Random(20261206L);
    List<Object> lines = new ArrayList<>();
    LocalDate start = LocalDate.parse("2023-11-01");
    int span = (int) ChronoUnit.DAYS.between(start, AS_OF);
    for (int customer = 0; customer < 300; customer++) {
      int count = 1 + random.nextInt(12);
      for (int line = 0; line < count; line++) {
        LocalDate day = start.plusDays(random.nextInt(span + 1));
        int cents = random.nextInt(10) < 2 ? -random.nextInt(5000) : random.nextInt(20000);
        lines.add("c" + customer);
        lines.add(day.toString());
        lines.add(java.math.BigDecimal.valueOf(cents, 2));
      }
    }
    assertThat(rows(cohorts(Rows.transactions(lines.toArray()), AS_OF)))
        .as("cohort_retention of 300 generated customers")
        .containsExactlyElementsOf(expected(lines));
  }

  /** The definition in plain Java: purchase day = a day with a line >= 0; months are calendar. */
  private static List<String> expected(List<Object> lines) {
    Map<String, Map<LocalDate, long[]>> days = new HashMap<>(); // day -> {cents, purchase?}
    for (int i = 0; i < lines.size(); i += 3) {
      long cents = ((java.math.BigDecimal) lines.get(i + 2)).movePointRight(2).longValueExact();
      long[] day =
          days.computeIfAbsent((String) lines.get(i), k -> new HashMap<>())
              .computeIfAbsent(LocalDate.parse((String) lines.get(i + 1)), k -> new long[2]);
      day[0] += cents;
      day[1] |= cents >= 0 ? 1 : 0;
    }
    Map<LocalDate, Integer> cohortSize = new TreeMap<>();
    Map<String, Integer> active = new HashMap<>();
    Map<String, Long> revenue = new HashMap<>();
    days.forEach(
        (customer, byDay) -> {
          LocalDate cohort =
              byDay.entrySet().stream()
                  .filter(e -> e.getValue()[1] == 1)
                  .map(e -> e.getKey().withDayOfMonth(1))
                  .min(LocalDate::compareTo)
                  .orElse(null);
          if (cohort == null) {
            return;
          }
          cohortSize.merge(cohort, 1, Integer::sum);
          TreeSet<Long> activeMonths = new TreeSet<>();
          byDay.forEach(
              (day, value) -> {
                long since = ChronoUnit.MONTHS.between(cohort, day.withDayOfMonth(1));
                if (since < 0) {
                  return;
                }
                revenue.merge(cohort + "," + since, value[0], Long::sum);
                if (value[1] == 1) {
                  activeMonths.add(since);
                }
              });
          activeMonths.forEach(since -> active.merge(cohort + "," + since, 1, Integer::sum));
        });
    List<String> table = new ArrayList<>();
    cohortSize.forEach(
        (cohort, size) -> {
          long last = ChronoUnit.MONTHS.between(cohort, AS_OF.withDayOfMonth(1));
          for (long since = 0; since <= last; since++) {
            String key = cohort + "," + since;
            int n = active.getOrDefault(key, 0);
            table.add(
                key
                    + ","
                    + size
                    + ","
                    + n
                    + ","
                    + ((double) n / size)
                    + ","
                    + (revenue.getOrDefault(key, 0L) / 100.0));
          }
        });
    return table;
  }

  private static Dataset<Row> cohorts(Dataset<Row> transactionsDF, LocalDate asOf) {
    return CohortRetention.from(
        transactionsDF, CustomerSummary.from(transactionsDF, asOf, TimeUnit.DAYS), asOf);
  }

  private static List<String> rows(Dataset<Row> cohortDF) {
    return cohortDF.collectAsList().stream()
        .map(
            r ->
                r.getDate(0)
                    + ","
                    + r.getInt(1)
                    + ","
                    + r.getLong(2)
                    + ","
                    + r.getLong(3)
                    + ","
                    + r.getDouble(4)
                    + ","
                    + r.getDouble(5))
        .toList();
  }
}
