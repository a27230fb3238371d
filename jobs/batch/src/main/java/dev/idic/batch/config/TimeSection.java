package dev.idic.batch.config;

import static dev.idic.batch.config.SectionContext.orDefault;

import dev.idic.stages.settings.TimeUnit;
import java.time.DateTimeException;
import java.time.ZoneId;

/** The top-level {@code time_zone} and {@code time_unit} keys. */
final class TimeSection {

  static final String DEFAULT_TIME_ZONE = "UTC";

  static final TimeUnit DEFAULT_TIME_UNIT = TimeUnit.DAYS;

  private final SectionContext context;

  TimeSection(SectionContext context) {
    this.context = context;
  }

  TimeUnit timeUnit(RawConfig raw) {
    return orDefault(raw.timeUnit(), DEFAULT_TIME_UNIT);
  }

  ZoneId timeZone(RawConfig raw) {
    String id = orDefault(raw.timeZone(), DEFAULT_TIME_ZONE);
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      String suggestion =
          Suggestions.closest(id, ZoneId.getAvailableZoneIds())
              .map(zone -> "did you mean " + zone + "? ")
              .orElse("");
      throw context.invalid(
          "time_zone",
          "'" + id + "' is not a time zone id",
          suggestion + "use a region id such as Europe/Berlin, America/New_York or UTC");
    }
  }
}
