package dev.idic.stages.settings;

import java.util.OptionalDouble;

/**
 * The nightly holdout backtest: fit on the data up to {@code D - holdout}, predict {@code (D -
 * holdout, D]}, compare with what happened, and optionally fail the night on a large error.
 *
 * @param holdout length of the holdout window in the model time unit; 0 turns validation off
 * @param maxAbsError quality gate on |cum_repeat_error| of the purchase model (a fraction); NaN
 *     when the figures are reported only
 */
public record ValidationSettings(int holdout, double maxAbsError) {

  /** Off: no holdout, no gate (the one statement of these defaults). */
  public static final ValidationSettings OFF = new ValidationSettings(0, Double.NaN);

  public ValidationSettings {
    if (holdout < 0) {
      throw new IllegalArgumentException("holdout must be >= 0, got " + holdout);
    }
  }

  public boolean enabled() {
    return holdout > 0;
  }

  /** The gate's threshold, empty when the figures are reported only. */
  public OptionalDouble gate() {
    return Double.isNaN(maxAbsError) ? OptionalDouble.empty() : OptionalDouble.of(maxAbsError);
  }
}
