package dev.idic.batch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepProgressTest {

  private static String line(String step, Map<String, Long> counts, Map<String, Object> details) {
    return StepProgress.line(step, counts, details, Duration.ofMillis(3_240), true);
  }

  @Test
  void aStepReportingRowsInAndOutShowsBothWithItsSeconds() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("rows_in", 100_000L);
    counts.put("rows_out", 99_980L);
    counts.put("quarantined", 15L);
    counts.put("excluded", 0L);

    assertThat(line("ingest", counts, Map.of()))
        .isEqualTo("  ingest           3.2 s  100,000 rows in, 99,980 rows out, 15 quarantined");
  }

  @Test
  void theModelsStepCountsItsCustomersAndTheScoredOnes() {
    assertThat(
            line(
                "models",
                Map.of("customers", 5_000L, "scored", 4_990L, "spend_patterns", 7L),
                Map.of()))
        .endsWith("3.2 s  5,000 rows in, 4,990 rows out");
  }

  @Test
  void theInteractionsStepsRowsOutAreTheRowsOfTheTablesItStaged() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("contact_plan", 600L);
    counts.put("list_top_20_percent", 120L);
    counts.put("interactions_unknown_customer", 3L);

    assertThat(line("interactions", counts, Map.of())).endsWith("3.2 s  720 rows out");
  }

  @Test
  void aBacktestThatIsOffSaysSo() {
    assertThat(line("validation", Map.of(), Map.of("validation", "off")))
        .isEqualTo("  validation       3.2 s  off (validation.holdout is 0)");
  }

  @Test
  void aFailedStepSaysItFailed() {
    assertThat(StepProgress.line("publish", Map.of(), Map.of(), Duration.ofSeconds(65), false))
        .isEqualTo("  publish         65.0 s  failed");
  }

  @Test
  void aStepWithoutCountsSaysNoRows() {
    assertThat(line("probe", Map.of(), Map.of())).endsWith("3.2 s  no rows");
  }
}
