package dev.idic.stages.validation;

import dev.idic.stages.settings.TimeUnit;
import java.time.LocalDate;

/**
 * The backtest's split of the history: the calibration period ends at {@code calibrationEnd} (a
 * night's as-of date {@code holdout} units before the run's), the holdout period is {@code
 * (calibrationEnd, holdoutEnd]}.
 *
 * @param calibrationEnd the as-of date the models are fitted for
 * @param holdoutEnd the run's as-of date
 * @param holdout length of the holdout in the model time unit
 * @param unit the model time unit
 */
public record HoldoutWindow(
    LocalDate calibrationEnd, LocalDate holdoutEnd, int holdout, TimeUnit unit) {

  public static HoldoutWindow endingAt(LocalDate asOfDate, int holdout, TimeUnit unit) {
    if (holdout < 1) {
      throw new IllegalArgumentException("holdout must be at least 1 unit, got " + holdout);
    }
    return new HoldoutWindow(asOfDate.minusDays(holdout * unitDays(unit)), asOfDate, holdout, unit);
  }

  /** Length of one model time unit in whole days. */
  public int unitDays() {
    return unitDays(unit);
  }

  private static int unitDays(TimeUnit unit) {
    return (int) unit.days();
  }
}
