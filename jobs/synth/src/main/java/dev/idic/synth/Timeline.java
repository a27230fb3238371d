package dev.idic.synth;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Simulation time in days since the start of the acquisition window. Day {@code k} is the local
 * date {@code origin + k}; the fraction of a day maps onto business hours (08:00 to 21:00 local),
 * so events keep their order and never spill into the next day.
 */
final class Timeline implements Serializable {

  private static final DateTimeFormatter ISO_WITH_OFFSET =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
  private static final int OPENING_SECOND = 8 * 3600;
  private static final int BUSINESS_SECONDS = 13 * 3600;

  private final LocalDate origin;
  private final ZoneId zone;
  private final int days;

  Timeline(LocalDate asOfDate, int historyDays, ZoneId zone) {
    this.origin = asOfDate.minusDays(historyDays - 1L);
    this.zone = zone;
    this.days = historyDays;
  }

  /** End of observation: the end of the as-of day, in simulation time. */
  double end() {
    return days;
  }

  Instant instant(double time) {
    double day = Math.floor(time);
    int second = OPENING_SECOND + (int) ((time - day) * BUSINESS_SECONDS);
    return ZonedDateTime.of(origin.plusDays((long) day), LocalTime.ofSecondOfDay(second), zone)
        .toInstant();
  }

  /** The instant the observation ends (exclusive): midnight after the as-of day. */
  Instant endInstant() {
    return origin.plusDays(days).atStartOfDay(zone).toInstant();
  }

  String iso(Instant instant) {
    return ISO_WITH_OFFSET.format(instant.atZone(zone));
  }
}
