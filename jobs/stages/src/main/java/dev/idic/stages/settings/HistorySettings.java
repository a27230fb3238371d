package dev.idic.stages.settings;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Which earlier published night a night compares itself with (tier and segment migration).
 *
 * @param compareToDaysBack 0: the latest published night before this one; N &gt; 0: the latest
 *     published night on or before N days before this one
 * @param compareToNight when not null, exactly this published night (the CLI's {@code
 *     --compare-to}); the days back are then not used
 */
public record HistorySettings(int compareToDaysBack, LocalDate compareToNight) {

  /** The latest earlier night (the one statement of the default). */
  public static final HistorySettings PREVIOUS = daysBack(0);

  public HistorySettings {
    if (compareToDaysBack < 0) {
      throw new IllegalArgumentException(
          "compareToDaysBack must be >= 0, got " + compareToDaysBack);
    }
  }

  /** The latest published night on or before {@code days} days back (0: the latest earlier). */
  public static HistorySettings daysBack(int days) {
    return new HistorySettings(days, null);
  }

  /** Exactly the published night of {@code night}. */
  public static HistorySettings onNight(LocalDate night) {
    return new HistorySettings(0, night);
  }

  /** The night named exactly, if one was. */
  public Optional<LocalDate> night() {
    return Optional.ofNullable(compareToNight);
  }

  /** The latest as-of date a compared night may have, for the night of {@code asOf}. */
  public LocalDate latestComparable(LocalDate asOf) {
    return night()
        .orElseGet(
            () -> compareToDaysBack == 0 ? asOf.minusDays(1) : asOf.minusDays(compareToDaysBack));
  }
}
