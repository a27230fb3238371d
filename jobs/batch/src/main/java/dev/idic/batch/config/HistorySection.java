package dev.idic.batch.config;

import dev.idic.stages.settings.HistorySettings;

/**
 * The {@code history} section: which earlier published night the tier and segment migration
 * compares with; left out, the latest earlier night ({@link HistorySettings#PREVIOUS}).
 */
final class HistorySection extends Section<RawConfig.History, HistorySettings> {

  HistorySection(SectionContext context) {
    super(context, HistorySettings.PREVIOUS);
  }

  @Override
  protected HistorySettings fromFile(RawConfig.History raw, HistorySettings defaults) {
    String compareTo = raw.compareTo();
    if (compareTo == null || compareTo.strip().equals("previous")) {
      return defaults;
    }
    try {
      int days = Integer.parseInt(compareTo.strip());
      if (days > 0) {
        return HistorySettings.daysBack(days);
      }
    } catch (NumberFormatException e) {
      // reported below, with what is allowed
    }
    throw context.invalid(
        "history.compare_to",
        "must be 'previous' or a positive number of days, got '" + compareTo + "'",
        "write previous (the latest earlier night), or 7 to compare with the latest night at"
            + " least a week back");
  }
}
