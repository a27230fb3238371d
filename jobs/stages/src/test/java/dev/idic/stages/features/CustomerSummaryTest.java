package dev.idic.stages.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idic.stages.settings.TimeUnit;
import dev.idic.stages.testing.Rows;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The lifetimes test vectors for summary_data_from_transaction_data, and the netting rule. */
class CustomerSummaryTest {

  @Test
  void matchesLifetimesSummaryVector() {
    Dataset<Row> txDF =
        Rows.transactions(
            "1",
            "2015-02-01",
            1,
            "1",
            "2015-02-06",
            1,
            "2",
            "2015-01-01",
            1,
            "3",
            "2015-01-01",
            1,
            "3",
            "2015-01-02",
            1,
            "3",
            "2015-01-05",
            1);
    Map<String, Row> byId =
        byId(CustomerSummary.from(txDF, LocalDate.parse("2015-02-07"), TimeUnit.DAYS));
    assertThat(triple(byId.get("1")))
        .as("id1 (frequency, recency, T)")
        .containsExactly(1.0, 5.0, 6.0);
    assertThat(triple(byId.get("2"))).as("id2").containsExactly(0.0, 0.0, 37.0);
    assertThat(triple(byId.get("3"))).as("id3").containsExactly(2.0, 4.0, 37.0);
  }

  @Test
  void firstPurchaseIsChosenByDateNotRowOrder() {
    Dataset<Row> txDF =
        Rows.transactions("a", "2015-05-21", 25, "a", "2015-03-14", 10, "a", "2015-04-09", 20);
    Row row =
        byId(CustomerSummary.from(txDF, LocalDate.parse("2015-06-01"), TimeUnit.DAYS)).get("a");
    assertThat((double) row.getAs("monetary_value"))
        .as("mean of the repeat days 20 and 25")
        .isEqualTo(22.5);
  }

  @Test
  void sameDayPurchasesCollapseAndReturnsNet() {
    Dataset<Row> txDF =
        Rows.transactions(
            "a",
            "2020-01-01",
            10,
            "a",
            "2020-01-01",
            5,
            "a",
            "2020-01-08",
            30,
            "a",
            "2020-01-08",
            -10,
            "a",
            "2020-01-20",
            -5,
            "b",
            "2020-01-03",
            -7);
    Map<String, Row> byId =
        byId(CustomerSummary.from(txDF, LocalDate.parse("2020-01-31"), TimeUnit.WEEKS));
    Row a = byId.get("a");
    assertThat((int) a.getAs("purchase_days"))
        .as("return-only day is not a purchase day")
        .isEqualTo(2);
    assertThat((int) a.getAs("frequency")).isEqualTo(1);
    assertThat((double) a.getAs("recency")).as("7 days in weeks").isEqualTo(1.0);
    assertThat((double) a.getAs("T")).as("30 days in weeks").isEqualTo(30 / 7.0);
    assertThat((double) a.getAs("monetary_value")).as("repeat day netted 30 - 10").isEqualTo(20.0);
    assertThat((double) a.getAs("total_spend")).as("net of every return").isEqualTo(30.0);
    assertThat((double) a.getAs("gross_spend")).isEqualTo(45.0);
    assertThat((double) a.getAs("returned_amount")).isEqualTo(15.0);
    assertThat((long) a.getAs("transaction_count")).isEqualTo(5L);
    assertThat((int) a.getAs("days_since_last_purchase")).isEqualTo(23);
    assertThat(byId).as("a customer with only returns has no summary row").doesNotContainKey("b");
  }

  private static Map<String, Row> byId(Dataset<Row> df) {
    Map<String, Row> rows = new HashMap<>();
    df.collectAsList().forEach(r -> rows.put(r.getAs("customer_id"), r));
    return rows;
  }

  private static double[] triple(Row row) {
    return new double[] {
      ((Integer) row.getAs("frequency")).doubleValue(), row.getAs("recency"), row.getAs("T")
    };
  }
}
