package dev.idic.batch.job;

import dev.idic.stages.contract.Table;
import dev.idic.stages.contract.Tables;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * One console line per step as it ends: its name, how long it took and the rows it read and wrote,
 * so that a night of minutes shows where it is and where the time goes.
 *
 * <p>Rows come from the step's counts: {@code rows_in} and {@code rows_out} where the stage reports
 * them; the models stage reports customers and scored customers; the interactions stage reports the
 * rows of each table it staged, whose sum is its rows out.
 */
public final class StepProgress implements StepExecutionListener {

  private static final Set<String> TABLE_NAMES =
      Tables.all().stream().map(Table::name).collect(Collectors.toUnmodifiableSet());

  private final Consumer<String> console;

  public StepProgress(Consumer<String> console) {
    this.console = console;
  }

  @Override
  public ExitStatus afterStep(StepExecution step) {
    LocalDateTime start = step.getStartTime();
    Duration elapsed = start == null ? Duration.ZERO : Duration.between(start, LocalDateTime.now());
    console.accept(
        line(
            step.getStepName(),
            StepCounts.counts(step.getExecutionContext()),
            StepCounts.details(step.getExecutionContext()),
            elapsed,
            step.getStatus() == BatchStatus.COMPLETED));
    return null;
  }

  /**
   * The line for one step.
   *
   * @param step the step's name
   * @param counts the counts the stage reported ({@link StepCounts#counts})
   * @param details the details the stage reported ({@link StepCounts#details})
   * @param elapsed how long the step ran
   * @param completed false when the step failed
   */
  static String line(
      String step,
      Map<String, Long> counts,
      Map<String, Object> details,
      Duration elapsed,
      boolean completed) {
    String time = String.format(Locale.ROOT, "%7.1f s", elapsed.toMillis() / 1000.0);
    if (!completed) {
      return String.format(Locale.ROOT, "  %-13s%s  failed", step, time);
    }
    return String.format(Locale.ROOT, "  %-13s%s  %s", step, time, rows(counts, details));
  }

  private static String rows(Map<String, Long> counts, Map<String, Object> details) {
    if ("off".equals(details.get("validation"))) {
      return "off (validation.holdout is 0)";
    }
    Long rowsIn = first(counts, StepCounts.ROWS_IN, "customers");
    Long rowsOut = first(counts, StepCounts.ROWS_OUT, "scored");
    if (rowsOut == null) {
      long staged =
          counts.entrySet().stream()
              .filter(entry -> TABLE_NAMES.contains(entry.getKey()))
              .mapToLong(Map.Entry::getValue)
              .sum();
      rowsOut =
          counts.keySet().stream().anyMatch(TABLE_NAMES::contains) ? Long.valueOf(staged) : null;
    }
    List<String> parts = new ArrayList<>();
    if (rowsIn != null) {
      parts.add(String.format(Locale.ROOT, "%,d rows in", rowsIn));
    }
    if (rowsOut != null) {
      parts.add(String.format(Locale.ROOT, "%,d rows out", rowsOut));
    }
    for (String setAside : List.of("quarantined", "excluded")) {
      Long count = counts.get(setAside);
      if (count != null && count > 0) {
        parts.add(String.format(Locale.ROOT, "%,d %s", count, setAside));
      }
    }
    return parts.isEmpty() ? "no rows" : String.join(", ", parts);
  }

  private static Long first(Map<String, Long> counts, String... names) {
    for (String name : names) {
      if (counts.containsKey(name)) {
        return counts.get(name);
      }
    }
    return null;
  }
}
