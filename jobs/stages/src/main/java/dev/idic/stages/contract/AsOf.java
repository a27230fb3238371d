package dev.idic.stages.contract;

import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.lit;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.spark.sql.Column;

/**
 * The as-of date D of a run as the stages compare against it. Observation ends at the end of D in
 * the configured zone: ingest holds back later rows, and "the last N days" are the N calendar days
 * ending on D (D-N+1 .. D).
 *
 * @param date the as-of date D
 * @param zone the zone whose midnight ends D
 */
public record AsOf(LocalDate date, ZoneId zone) implements Serializable {

  /** The first instant after D. */
  public Instant end() {
    return date.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /** D as a date literal. */
  public Column dateLit() {
    return lit(date);
  }

  /** The end of D as a timestamp literal. */
  public Column endLit() {
    return lit(end());
  }

  /** Whether a date lies in the {@code days} days ending on D. */
  public Column withinLastDays(Column date, int days) {
    return date.gt(date_sub(dateLit(), days)).and(date.leq(dateLit()));
  }

  /**
   * Whether a date lies in the {@code days} days that end {@code daysBack} days before D, that is
   * in (D - daysBack - days, D - daysBack].
   */
  public Column withinDaysEndingBefore(Column date, int daysBack, int days) {
    return date.gt(date_sub(dateLit(), daysBack + days))
        .and(date.leq(date_sub(dateLit(), daysBack)));
  }
}
