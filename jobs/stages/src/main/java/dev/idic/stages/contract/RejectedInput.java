package dev.idic.stages.contract;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One input refused as a whole: its share of quarantined records is above the reject ratio.
 *
 * @param input the input's name (transactions, interactions, ...)
 * @param path the configured file or folder
 * @param judged records read, less those held back for a later night
 * @param rejected quarantined records among them
 * @param maxRejectRatio the configured ceiling on rejected / judged
 * @param reasons the rejected records' reason codes, most common first, each with where the first
 *     of its records are ("7" or "7-8" for a record over two lines; empty when the format has no
 *     lines)
 */
public record RejectedInput(
    String input,
    String path,
    long judged,
    long rejected,
    double maxRejectRatio,
    Map<String, Reason> reasons) {

  /** How many records one reason code rejected, and the source lines of the first of them. */
  public record Reason(long records, List<String> firstLines) {

    public Reason {
      firstLines = List.copyOf(firstLines);
    }
  }

  public RejectedInput {
    reasons = Map.copyOf(reasons);
  }

  /** For example "transactions (/data/tx.csv): 12 of 19 records (63.2%) ... Reasons: ...". */
  String describe() {
    return String.format(
        Locale.ROOT,
        "%s (%s): %d of %d records (%.1f%%) were quarantined, above the configured"
            + " max_reject_ratio of %.1f%%. Reasons: %s",
        input,
        path,
        rejected,
        judged,
        judged == 0 ? 0.0 : 100.0 * rejected / judged,
        maxRejectRatio * 100,
        reasonList());
  }

  private String reasonList() {
    if (reasons.isEmpty()) {
      return "none recorded";
    }
    StringJoiner list = new StringJoiner(", ");
    reasons.entrySet().stream()
        .sorted(
            Map.Entry.<String, Reason>comparingByValue(
                    (a, b) -> Long.compare(b.records(), a.records()))
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(entry -> list.add(entry.getKey() + " (" + counted(entry.getValue()) + ")"));
    return list.toString();
  }

  private static String counted(Reason reason) {
    if (reason.firstLines().isEmpty()) {
      return Long.toString(reason.records());
    }
    String lines = String.join(", ", reason.firstLines());
    String more = reason.records() > reason.firstLines().size() ? ", ..." : "";
    String word = reason.records() == 1 && !lines.contains("-") ? "line " : "lines ";
    return reason.records() + ": " + word + lines + more;
  }
}
