package dev.idic.stages.settings;

import java.time.LocalDate;

/**
 * Which earlier published night a night compares itself with (tier and segment migration).
 *
 * @param compareToDaysBack 0: the latest published night before this one; N &gt; 0: the latest
 *     published night on or before N days before this one
 */
public record HistorySettings(int compareToDaysBack) {

  /** The latest earlier night (the one statement of the default). */
  public static final HistorySettings PREVIOUS = new HistorySettings(0);

  public HistorySettings {
    if (compareToDaysBack < 0) {
      throw new IllegalArgumentException(
          "compareToDaysBack must be >= 0, got " + compareToDaysBack);
    }
  }

  /** The latest as-of date a compared night may have, for the night of {@code asOf}. */
  public LocalDate latestComparable(LocalDate asOf) {
    return compareToDaysBack == 0 ? asOf.minusDays(1) : asOf.minusDays(compareToDaysBack);
  }
}
