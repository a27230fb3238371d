package dev.idic.stages.contract;

import java.util.Map;

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
        message(sourceFile, rowsIn, rowsQuarantined, maxRejectRatio, topReasons, quarantineAt),
        null);
    this.sourceFile = sourceFile;
  }

  public String sourceFile() {
    return sourceFile;
  }

  private static String message(
      String sourceFile,
      long rowsIn,
      long rowsQuarantined,
      double maxRejectRatio,
      Map<String, Long> topReasons,
      String quarantineAt) {
    double ratio = rowsIn == 0 ? 0.0 : (double) rowsQuarantined / rowsIn;
    StringBuilder reasons = new StringBuilder();
    topReasons.forEach(
        (reason, count) ->
            reasons
                .append(reasons.length() == 0 ? "" : ", ")
                .append(reason)
                .append(" (")
                .append(count)
                .append(')'));
    return String.format(
        java.util.Locale.ROOT,
        "Input %s rejected: %d of %d rows (%.1f%%) were quarantined, above the configured"
            + " max_reject_ratio of %.1f%%. Reasons: %s. The quarantined rows, each with its"
            + " reason and detail, are in the Parquet table at %s. Fix the input or raise"
            + " max_reject_ratio in the configuration.",
        sourceFile,
        rowsQuarantined,
        rowsIn,
        ratio * 100,
        maxRejectRatio * 100,
        reasons.length() == 0 ? "none recorded" : reasons,
        quarantineAt);
  }
}
