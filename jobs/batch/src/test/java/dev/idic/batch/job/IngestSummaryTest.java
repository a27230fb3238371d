package dev.idic.batch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class IngestSummaryTest {

  @Test
  void eachInputAddsUpAndEachRuleHasItsLineMostFirst() {
    Map<String, Long> counts =
        new TreeMap<>(
            Map.of(
                "rows_in", 13_000L,
                "transactions.rows_in", 12_000L,
                "transactions.accepted", 9_000L,
                "transactions.excluded", 2_900L,
                "transactions.excluded.cancelled", 400L,
                "transactions.excluded.missing_customer", 2_500L,
                "transactions.quarantined", 100L,
                "interactions.rows_in", 1_000L,
                "interactions.accepted", 1_000L,
                "interactions.quarantined", 0L));

    assertThat(IngestSummary.lines(counts))
        .containsExactly(
            "Input interactions: 1,000 records in = 1,000 accepted + 0 excluded + 0 quarantined",
            "Input transactions: 12,000 records in = 9,000 accepted + 2,900 excluded + 100"
                + " quarantined",
            "  excluded by rule missing_customer: 2,500",
            "  excluded by rule cancelled: 400");
  }
}
