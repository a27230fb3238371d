package dev.idic.stages.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a stage tells the run manifest: named row counts (rows_in, accepted, quarantined, ...),
 * anything else worth recording, and warnings a human should read.
 */
public record StageReport(
    Map<String, Long> counts, Map<String, Object> details, List<String> warnings) {

  public StageReport {
    counts = new LinkedHashMap<>(counts);
    details = new LinkedHashMap<>(details);
    warnings = List.copyOf(warnings);
  }

  public static StageReport of(Map<String, Long> counts) {
    return new StageReport(counts, Map.of(), List.of());
  }
}
