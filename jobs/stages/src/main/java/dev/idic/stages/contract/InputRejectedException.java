package dev.idic.stages.contract;

import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Thrown by a stage when an input is refused as a whole, for example because its share of
 * quarantined rows exceeds the configured reject ratio. It ends the command with {@link
 * ExitCode#INPUT_REJECTED}, distinct from a failed run, so a scheduler can tell bad data from a
 * broken pipeline.
 */
public class InputRejectedException extends IdicException {

  private static final long serialVersionUID = 1L;

  private final String sourceFile;

  /**
   * @param sourceFile the input file or folder that was rejected
   * @param rowsIn rows read from it
   * @param rowsQuarantined rows of it that went to quarantine
   * @param maxRejectRatio the configured ceiling on quarantined / read
   * @param topReasons the quarantine reason codes of those rows with their counts, most common
   *     first
   * @param quarantineAt where the quarantined rows can be read: a refused night publishes nothing
   */
  public InputRejectedException(
      String sourceFile,
      long rowsIn,
      long rowsQuarantined,
      double maxRejectRatio,
      Map<String, Long> topReasons,
      String quarantineAt) {
    super(
        ExitCode.INPUT_REJECTED,
        String.format(
            Locale.ROOT,
            "Input %s rejected: %d of %d rows (%.1f%%) were quarantined, above the configured"
                + " max_reject_ratio of %.1f%%. Reasons: %s. The quarantined rows, each with its"
                + " reason and detail, are in the Parquet table at %s. Fix the input or raise"
                + " max_reject_ratio in the configuration.",
            sourceFile,
            rowsQuarantined,
            rowsIn,
            rowsIn == 0 ? 0.0 : 100.0 * rowsQuarantined / rowsIn,
            maxRejectRatio * 100,
            reasons(topReasons),
            quarantineAt),
        null);
    this.sourceFile = sourceFile;
  }

  public String sourceFile() {
    return sourceFile;
  }

  private static String reasons(Map<String, Long> counts) {
    if (counts.isEmpty()) {
      return "none recorded";
    }
    StringJoiner reasons = new StringJoiner(", ");
    counts.forEach((reason, count) -> reasons.add(reason + " (" + count + ")"));
    return reasons.toString();
  }
}
