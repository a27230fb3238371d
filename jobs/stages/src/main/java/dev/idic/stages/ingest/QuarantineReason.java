package dev.idic.stages.ingest;

/**
 * Reason codes of quarantined rows. Column-level codes are {@code missing_<column>} and {@code
 * invalid_<column>}; the fixed ones are below. Documented in {@code
 * schemas/output/quarantine.json}.
 */
public final class QuarantineReason {

  /** The row could not be split into the expected columns (wrong column count, broken quote). */
  public static final String MALFORMED_ROW = "malformed_row";

  /** A text value holds bytes that are not valid in the configured encoding. */
  public static final String INVALID_ENCODING = "invalid_encoding";

  /** The row's time is after the end of the as-of day. */
  public static final String AFTER_AS_OF_DATE = "after_as_of_date";

  private QuarantineReason() {}

  public static String missing(String column) {
    return "missing_" + column;
  }

  public static String invalid(String column) {
    return "invalid_" + column;
  }

  /**
   * A later exact copy (same values after parsing) of the row kept for its key. Of the rows that
   * share a key, the one kept is the earliest: first by source file path, then by record number.
   */
  public static String duplicate(String key) {
    return "duplicate_" + key;
  }

  /** A later row with the key of the row kept (see {@link #duplicate}) but other content. */
  public static String conflicting(String key) {
    return "conflicting_" + key;
  }
}
