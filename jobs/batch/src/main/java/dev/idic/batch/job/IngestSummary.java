package dev.idic.batch.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The accounting of a night's inputs in console lines, from the ingest step's counts (as {@code
 * IngestStage} reports them): per input, records in = accepted + excluded + quarantined, then one
 * line per exclusion rule with its count, most first. A user who wrote exclusion rules sees at once
 * what each of them set aside.
 */
final class IngestSummary {

  private static final String ROWS_IN = ".rows_in";

  private IngestSummary() {}

  static List<String> lines(Map<String, Long> counts) {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, Long> entry : counts.entrySet()) {
      String key = entry.getKey();
      if (!key.endsWith(ROWS_IN)) {
        continue;
      }
      String input = key.substring(0, key.length() - ROWS_IN.length());
      lines.add(
          String.format(
              Locale.ROOT,
              "Input %s: %,d records in = %,d accepted + %,d excluded + %,d quarantined",
              input,
              entry.getValue(),
              count(counts, input + ".accepted"),
              count(counts, input + ".excluded"),
              count(counts, input + ".quarantined")));
      String rulePrefix = input + ".excluded.";
      counts.entrySet().stream()
          .filter(rule -> rule.getKey().startsWith(rulePrefix))
          .sorted(
              Comparator.comparing(Map.Entry<String, Long>::getValue)
                  .reversed()
                  .thenComparing(Map.Entry::getKey))
          .forEach(
              rule ->
                  lines.add(
                      String.format(
                          Locale.ROOT,
                          "  excluded by rule %s: %,d",
                          rule.getKey().substring(rulePrefix.length()),
                          rule.getValue())));
    }
    return lines;
  }

  private static long count(Map<String, Long> counts, String key) {
    return counts.getOrDefault(key, 0L);
  }
}
