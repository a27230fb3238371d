package dev.idic.batch.job;

import dev.idic.stages.contract.StageReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * How a stage's report is kept in its step's execution context, so that {@code idic status} and the
 * run manifest can read the counts back from the job repository. Only counts and warnings are kept:
 * they are small and serialize without surprises.
 *
 * <p>Two count names have a meaning for {@code idic status}: {@value #ROWS_IN} (the first step
 * reporting it gives the run's rows in) and {@value #ROWS_OUT} (the last step reporting it gives
 * the run's rows out).
 */
public final class StepCounts {

  public static final String ROWS_IN = "rows_in";
  public static final String ROWS_OUT = "rows_out";

  private static final String COUNT_PREFIX = "idic.count.";
  private static final String WARNINGS = "idic.warnings";

  private StepCounts() {}

  static void store(StageReport report, ExecutionContext context) {
    report.counts().forEach((name, count) -> context.putLong(COUNT_PREFIX + name, count));
    if (!report.warnings().isEmpty()) {
      context.putString(WARNINGS, String.join("\n", report.warnings()));
    }
  }

  /** The counts a step stored, in name order. */
  public static Map<String, Long> counts(ExecutionContext context) {
    Map<String, Long> counts = new LinkedHashMap<>();
    context.entrySet().stream()
        .filter(entry -> entry.getKey().startsWith(COUNT_PREFIX))
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            entry ->
                counts.put(
                    entry.getKey().substring(COUNT_PREFIX.length()),
                    ((Number) entry.getValue()).longValue()));
    return counts;
  }

  /** The warnings a step stored. */
  public static List<String> warnings(ExecutionContext context) {
    return context.containsKey(WARNINGS)
        ? List.of(context.getString(WARNINGS).split("\n"))
        : List.of();
  }
}
