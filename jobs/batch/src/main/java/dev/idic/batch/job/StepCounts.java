package dev.idic.batch.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.idic.stages.contract.StageReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * How a stage's report is kept in its step's execution context, so that {@code idic status} and the
 * run manifest can read it back from the job repository: counts, warnings, and the details as JSON
 * text, so the execution context holds only numbers and strings.
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
  private static final String DETAILS = "idic.details";
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private StepCounts() {}

  static void store(StageReport report, ExecutionContext context) {
    report.counts().forEach((name, count) -> context.putLong(COUNT_PREFIX + name, count));
    if (!report.warnings().isEmpty()) {
      context.putString(WARNINGS, String.join("\n", report.warnings()));
    }
    if (!report.details().isEmpty()) {
      context.putString(DETAILS, json(report.details()));
    }
  }

  /** The details a step reported (model parameters, ...), as JSON-shaped maps and lists. */
  public static Map<String, Object> details(ExecutionContext context) {
    if (!context.containsKey(DETAILS)) {
      return Map.of();
    }
    try {
      return JSON.readValue(
          context.getString(DETAILS), new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Step details in the job repository are not JSON", e);
    }
  }

  /**
   * Details as JSON text. A value Jackson cannot write is kept as its string form rather than
   * failing a step whose work is done.
   */
  private static String json(Map<String, Object> details) {
    Map<String, Object> writable = new LinkedHashMap<>();
    details.forEach(
        (key, value) -> {
          try {
            writable.put(key, JSON.readTree(JSON.writeValueAsString(value)));
          } catch (JsonProcessingException e) {
            writable.put(key, String.valueOf(value));
          }
        });
    try {
      return JSON.writeValueAsString(writable);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
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
