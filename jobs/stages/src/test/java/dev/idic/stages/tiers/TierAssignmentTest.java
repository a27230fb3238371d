package dev.idic.stages.tiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.idic.stages.settings.TierSettings;
import dev.idic.stages.testing.Rows;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class TierAssignmentTest {

  @Test
  void cutsTheRankingIntoTiersWithExplanations() {
    List<Object[]> rows = new ArrayList<>();
    double total = 0;
    for (int i = 1; i <= 40; i++) {
      double value = 1000.0 / i;
      total += value;
      rows.add(new Object[] {String.format("c%02d", i), value});
    }
    Dataset<Row> valuesDF =
        Rows.of("customer_id string, basis_value double", rows.toArray(Object[][]::new))
            .repartition(3);
    List<Row> tiers =
        TierAssignment.assign(valuesDF, TierSettings.defaults(), "historical_spend", 40, total)
            .orderBy("value_rank")
            .collectAsList();

    assertThat(tiers.stream().map(r -> r.<String>getAs("tier")).toList())
        .as("5%% of 40 = 2 VIP, next 15%% = 6 Key, next 50%% = 20 Regular, 12 Small")
        .containsExactlyElementsOf(expectedTiers(2, 6, 20, 12));
    Row first = tiers.get(0);
    assertThat((long) first.getAs("value_rank")).isEqualTo(1L);
    assertThat((double) first.getAs("cumulative_value_share"))
        .isCloseTo(1000.0 / total, within(1e-12));
    assertThat((double) tiers.get(39).getAs("cumulative_value_share"))
        .as("everyone holds all value")
        .isCloseTo(1.0, within(1e-12));
    assertThat((double) tiers.get(7).getAs("tier_threshold"))
        .as("Key threshold = 8th value")
        .isCloseTo(1000.0 / 8, within(1e-9));
    assertThat(first.<String>getAs("tier_rule"))
        .contains("VIP: top 5% by historical spend (ranks 1-2 of 40)")
        .contains("ranks 1 (top 2.50%)");
  }

  @Test
  void boundaryRoundsUpSoSmallPopulationsStillHaveAVip() {
    assertThat(TierAssignment.boundary(0.05, 10)).isEqualTo(1);
    assertThat(TierAssignment.boundary(0.20, 100)).isEqualTo(20);
    assertThat(TierAssignment.boundary(0.70, 10)).isEqualTo(7);
  }

  private static List<String> expectedTiers(int vip, int key, int regular, int small) {
    List<String> tiers = new ArrayList<>();
    tiers.addAll(java.util.Collections.nCopies(vip, "vip"));
    tiers.addAll(java.util.Collections.nCopies(key, "key"));
    tiers.addAll(java.util.Collections.nCopies(regular, "regular"));
    tiers.addAll(java.util.Collections.nCopies(small, "small"));
    return tiers;
  }
}
