package dev.idic.stages.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idic.stages.testing.Rows;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class TierMigrationTest {

  static final String PROFILE =
      "customer_id string, tier string, rfm_segment string, basis_value double,"
          + " total_spend double, value_rank bigint, days_since_last_purchase int,"
          + " first_purchase_date date, p_alive double";
  static final LocalDate D0 = LocalDate.parse("2026-11-15");

  // The compared night: a VIP, two Keys, a Regular and a Small who is gone tonight.
  private final Dataset<Row> previousDF =
      Rows.of(
          PROFILE,
          row("v", "vip", "champions", 900, 900, 1, 3, "2025-01-01", 0.9),
          row("k1", "key", "loyal", 500, 500, 2, 10, "2025-01-01", 0.8),
          row("k2", "key", "loyal", 400, 400, 3, 10, "2025-01-01", 0.8),
          row("r", "regular", "at_risk", 100, 100, 4, 50, "2025-01-01", 0.5),
          row("s", "small", "hibernating", 10, 10, 5, 300, "2025-01-01", 0.1));
  // Tonight: v fell to Regular, k1 stays, k2 is gone, r rose to Key, n is new, b returned.
  private final Dataset<Row> tonightDF =
      Rows.of(
          PROFILE,
          row("v", "regular", "at_risk", 120, 900, 4, 94, "2025-01-01", 0.3),
          row("k1", "key", "loyal", 520, 520, 2, 2, "2025-01-01", 0.8),
          row("r", "key", "loyal", 450, 450, 3, 1, "2025-01-01", 0.9),
          row("n", "small", "new_customers", 20, 20, 5, 1, "2026-11-20", 1.0),
          row("b", "vip", "champions", 950, 950, 1, 1, "2024-06-01", 0.9));

  private final TierMigration migration = new TierMigration(D0);

  @Test
  void everyCustomerCarriesItsPreviousTierAndTheChange() {
    Map<String, Row> byId = new HashMap<>();
    migration
        .withPrevious(tonightDF, previousDF)
        .collectAsList()
        .forEach(r -> byId.put(r.getAs("customer_id"), r));

    assertThat(change(byId, "v")).isEqualTo("down");
    assertThat(change(byId, "k1")).isEqualTo("same");
    assertThat(change(byId, "r")).isEqualTo("up");
    assertThat(change(byId, "n")).as("first purchase after D0").isEqualTo("new");
    assertThat(change(byId, "b")).as("a customer before D0, absent then").isEqualTo("returned");
    assertThat(byId.get("v").<String>getAs("previous_tier")).isEqualTo("vip");
    assertThat(byId.get("v").<String>getAs("previous_segment")).isEqualTo("champions");
    assertThat(byId.get("n").<String>getAs("previous_tier")).isNull();
  }

  @Test
  void theTransitionsAddUpToBothNights() {
    List<Row> rows = migration.tierTransitions(tonightDF, previousDF).collectAsList();
    Map<String, Long> flows = new HashMap<>();
    long tonight = 0;
    long before = 0;
    for (Row row : rows) {
      assertThat(row.getDate(0).toString()).isEqualTo("2026-11-15");
      long customers = row.getLong(3);
      flows.put(row.getString(1) + ">" + row.getString(2), customers);
      tonight += row.getString(2).equals("gone") ? 0 : customers;
      before += row.getString(1).equals("new") ? 0 : customers;
    }
    assertThat(tonight).isEqualTo(5);
    assertThat(before).isEqualTo(5);
    assertThat(flows)
        .containsEntry("vip>regular", 1L)
        .containsEntry("key>key", 1L)
        .containsEntry("key>gone", 1L)
        .containsEntry("regular>key", 1L)
        .containsEntry("small>gone", 1L)
        .containsEntry("new>small", 1L)
        .containsEntry("new>vip", 1L);
    Row gone =
        rows.stream()
            .filter(r -> r.getString(1).equals("key") && r.getString(2).equals("gone"))
            .findFirst()
            .orElseThrow();
    assertThat(gone.getDouble(4))
        .as("a gone customer's value is the compared night's")
        .isEqualTo(400);
  }

  @Test
  void segmentTransitionsUseTheSegments() {
    List<Row> rows = migration.segmentTransitions(tonightDF, previousDF).collectAsList();
    assertThat(rows)
        .anySatisfy(
            r -> {
              assertThat(r.getString(1)).isEqualTo("champions");
              assertThat(r.getString(2)).isEqualTo("at_risk");
            });
  }

  @Test
  void theDowngradesListTheFallenTopCustomersWithAReason() {
    List<Row> rows = migration.downgrades(tonightDF, previousDF).collectAsList();

    assertThat(rows).extracting(r -> r.<String>getAs("customer_id")).containsExactly("v", "k2");
    assertThat(rows.get(0).<String>getAs("reason"))
        .isEqualTo("was VIP on 2026-11-15, now Regular: no purchase for 94 days");
    assertThat(rows.get(1).<String>getAs("tier")).isEqualTo("gone");
    assertThat(rows.get(1).<String>getAs("reason"))
        .isEqualTo("was Key on 2026-11-15, no longer among tonight's customers");
  }

  @Test
  void aFirstNightMakesEveryCustomerNew() {
    TierMigration first = new TierMigration(null);
    Dataset<Row> none = tonightDF.limit(0);

    assertThat(first.withPrevious(tonightDF, none).where("tier_change <> 'new'").count()).isZero();
    List<Row> rows = first.tierTransitions(tonightDF, none).collectAsList();
    assertThat(rows).allSatisfy(r -> assertThat(r.getString(1)).isEqualTo("new"));
    assertThat(rows.stream().mapToLong(r -> r.getLong(3)).sum()).isEqualTo(5);
    assertThat(rows.get(0).isNullAt(0)).as("compared_to").isTrue();
    assertThat(first.downgrades(tonightDF, none).count()).isZero();
  }

  private static String change(Map<String, Row> byId, String id) {
    return byId.get(id).getAs("tier_change");
  }

  private static Object[] row(
      String id,
      String tier,
      String segment,
      double value,
      double spend,
      long rank,
      int idle,
      String first,
      double pAlive) {
    return new Object[] {
      id, tier, segment, value, spend, rank, idle, java.sql.Date.valueOf(first), pAlive
    };
  }
}
