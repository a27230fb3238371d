package dev.idic.stages.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idic.stages.settings.InputShaping.Returns;
import dev.idic.stages.settings.TimeUnit;
import dev.idic.stages.testing.Rows;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
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

  @Test
  void separateReturnsLeavePurchaseDaysTheirValueAndAreReportedApart() {
    Dataset<Row> txDF =
        Rows.transactions(
            "a",
            "2020-01-01",
            10,
            "a",
            "2020-01-08",
            30,
            "a",
            "2020-01-08",
            -10,
            "a",
            "2020-01-20",
            -5);
    LocalDate asOf = LocalDate.parse("2020-01-31");

    Row net = byId(CustomerSummary.from(txDF, asOf, TimeUnit.DAYS, Returns.NET)).get("a");
    Row separate = byId(CustomerSummary.from(txDF, asOf, TimeUnit.DAYS, Returns.SEPARATE)).get("a");

    assertThat((double) net.getAs("monetary_value")).as("net: 30 - 10").isEqualTo(20.0);
    assertThat((double) separate.getAs("monetary_value"))
        .as("separate: the repeat day's purchase alone")
        .isEqualTo(30.0);
    for (Row row : List.of(net, separate)) {
      assertThat((int) row.getAs("frequency")).isEqualTo(1);
      assertThat((double) row.getAs("total_spend")).as("net in both").isEqualTo(25.0);
      assertThat((double) row.getAs("returned_amount")).isEqualTo(15.0);
      assertThat((long) row.getAs("returns_count")).isEqualTo(2L);
    }
  }

  @Test
  void unitsAndAveragePriceComeFromThePurchasesWhenTheInputHasThem() {
    Dataset<Row> txDF =
        Rows.of(
            "customer_id string, purchase_date date, amount decimal(18,2), quantity int,"
                + " unit_price decimal(18,4)",
            tx("a", "2020-01-01", "10.00", 4, "2.5000"),
            tx("a", "2020-01-02", "12.00", 2, "6.0000"),
            tx("a", "2020-01-03", "-5.00", -2, "2.5000"),
            tx("a", "2020-01-04", "3.00", 1, null),
            tx("b", "2020-01-01", "7.00", null, null));
    Map<String, Row> byId =
        byId(CustomerSummary.from(txDF, LocalDate.parse("2020-01-31"), TimeUnit.DAYS));

    assertThat((long) byId.get("a").getAs("units"))
        .as("the purchases' quantities; the return's are not units bought")
        .isEqualTo(7L);
    assertThat((double) byId.get("a").getAs("avg_unit_price"))
        .as("(4 x 2.50 + 2 x 6.00) / 6, over the priced purchases")
        .isEqualTo(22.0 / 6);
    assertThat(byId.get("b").<Object>getAs("units")).as("no quantity").isNull();
    assertThat(byId.get("b").<Object>getAs("avg_unit_price")).as("no price").isNull();
    assertThat(
            byId(CustomerSummary.from(
                    Rows.transactions("c", "2020-01-01", 5),
                    LocalDate.parse("2020-01-31"),
                    TimeUnit.DAYS))
                .get("c")
                .<Object>getAs("units"))
        .as("an input without the columns: the same schema, null")
        .isNull();
  }

  private static Object[] tx(
      String customer, String day, String amount, Integer quantity, String unitPrice) {
    return new Object[] {
      customer,
      java.sql.Date.valueOf(day),
      new BigDecimal(amount),
      quantity,
      unitPrice == null ? null : new BigDecimal(unitPrice)
    };
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
