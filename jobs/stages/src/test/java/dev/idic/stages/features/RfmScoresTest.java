package dev.idic.stages.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idic.stages.settings.RfmSettings;
import dev.idic.stages.testing.Rows;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class RfmScoresTest {

  static final String DDL =
      "customer_id string, days_since_last_purchase int, purchase_days int, total_spend double";

  @Test
  void quintilesSplitCustomersIntoFifthsBestIsFive() {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      // c0 is the most recent, most frequent and biggest spender.
      rows.add(new Object[] {"c" + i, i * 10, 10 - i, 1000.0 - i * 100});
    }
    Map<String, Row> scored =
        byId(RfmScores.score(Rows.of(DDL, rows.toArray(Object[][]::new)), RfmSettings.quintiles()));
    assertThat(scores(scored.get("c0"))).as("best customer").isEqualTo("555");
    assertThat(scores(scored.get("c1"))).as("two customers per quintile").isEqualTo("555");
    assertThat(scores(scored.get("c2"))).isEqualTo("444");
    assertThat(scores(scored.get("c9"))).as("worst customer").isEqualTo("111");
    assertThat(scored.get("c0").<String>getAs("rfm_segment")).isEqualTo("champions");
    assertThat(scored.get("c9").<String>getAs("rfm_segment")).isEqualTo("hibernating");
  }

  @Test
  void tiesAreBrokenByTheOtherMetricsThenCustomerId() {
    Dataset<Row> df =
        Rows.of(
            DDL,
            new Object[] {"b", 5, 1, 10.0},
            new Object[] {"a", 5, 1, 10.0},
            new Object[] {"c", 5, 3, 10.0},
            new Object[] {"d", 50, 1, 10.0},
            new Object[] {"e", 60, 1, 10.0});
    Map<String, Row> scored = byId(RfmScores.score(df, RfmSettings.quintiles()));
    assertThat((int) scored.get("c").getAs("r_score"))
        .as("same recency, more purchases ranks first")
        .isEqualTo(5);
    assertThat((int) scored.get("a").getAs("r_score"))
        .as("full tie: customer id a before b")
        .isEqualTo(4);
    assertThat((int) scored.get("b").getAs("r_score")).isEqualTo(3);
    Map<String, Row> again = byId(RfmScores.score(df.repartition(3), RfmSettings.quintiles()));
    for (String id : List.of("a", "b", "c", "d", "e")) {
      assertThat(scores(again.get(id)))
          .as("same scores whatever the partitioning, %s", id)
          .isEqualTo(scores(scored.get(id)));
    }
  }

  @Test
  void customCutPointsReplaceQuintiles() {
    RfmSettings cuts =
        new RfmSettings(
            List.of(30.0, 90.0, 180.0, 365.0),
            List.of(2.0, 3.0, 5.0, 10.0),
            List.of(50.0, 100.0, 500.0, 1000.0));
    Dataset<Row> df =
        Rows.of(
            DDL,
            new Object[] {"x", 10, 12, 2000.0},
            new Object[] {"y", 100, 3, 99.0},
            new Object[] {"z", 400, 1, 10.0});
    Map<String, Row> scored = byId(RfmScores.score(df, cuts));
    assertThat(scores(scored.get("x"))).isEqualTo("555");
    assertThat(scores(scored.get("y")))
        .as("100 days passes 2 cuts; 3 purchases reach 2; 99 reaches 1")
        .isEqualTo("332");
    assertThat(scores(scored.get("z"))).isEqualTo("111");
  }

  @Test
  void segmentMapCoversEveryScorePair() {
    Map<String, String> expected = new HashMap<>();
    expected.put("55", "champions");
    expected.put("54", "champions");
    expected.put("51", "new_customers");
    expected.put("41", "promising");
    expected.put("42", "potential_loyalists");
    expected.put("53", "potential_loyalists");
    expected.put("44", "loyal_customers");
    expected.put("35", "loyal_customers");
    expected.put("33", "need_attention");
    expected.put("31", "about_to_sleep");
    expected.put("32", "about_to_sleep");
    expected.put("24", "at_risk");
    expected.put("13", "at_risk");
    expected.put("15", "cant_lose");
    expected.put("25", "cant_lose");
    expected.put("11", "hibernating");
    expected.put("22", "hibernating");
    List<Object[]> rows = new ArrayList<>();
    expected
        .keySet()
        .forEach(k -> rows.add(new Object[] {k, k.charAt(0) - '0', k.charAt(1) - '0'}));
    Dataset<Row> df =
        Rows.of("rf string, r int, f int", rows.toArray(Object[][]::new))
            .withColumn("segment", RfmSegment.of("r", "f"));
    df.collectAsList()
        .forEach(
            r ->
                assertThat(r.<String>getAs("segment"))
                    .as("R/F %s", r.<String>getAs("rf"))
                    .isEqualTo(expected.get(r.<String>getAs("rf"))));
  }

  private static Map<String, Row> byId(Dataset<Row> df) {
    Map<String, Row> rows = new HashMap<>();
    df.collectAsList().forEach(r -> rows.put(r.getAs("customer_id"), r));
    return rows;
  }

  private static String scores(Row row) {
    return row.getAs("rfm_score");
  }
}
