package dev.idic.batch.config;

import static dev.idic.batch.config.SectionContext.orDefault;

import dev.idic.stages.settings.ValidationSettings;

/**
 * The {@code validation} section: the nightly holdout backtest and its quality gate; left out, or
 * with {@code holdout: 0}, the backtest is off ({@link ValidationSettings#OFF}).
 */
final class ValidationSection extends Section<RawConfig.Validation, ValidationSettings> {

  ValidationSection(SectionContext context) {
    super(context, ValidationSettings.OFF);
  }

  @Override
  protected ValidationSettings fromFile(RawConfig.Validation raw, ValidationSettings defaults) {
    int holdout = orDefault(raw.holdout(), defaults.holdout());
    if (holdout < 0) {
      throw context.invalid(
          "validation.holdout",
          "must not be negative, got " + holdout,
          "use the holdout length in the model time unit (for example 39 with weeks), or 0 to"
              + " turn the backtest off");
    }
    double maxAbsError = orDefault(raw.maxAbsError(), defaults.maxAbsError());
    if (raw.maxAbsError() != null) {
      context.requireRange("validation.max_abs_error", maxAbsError, 0.0, 10.0);
      if (holdout == 0) {
        throw context.invalid(
            "validation.max_abs_error",
            "is set but validation.holdout is 0, so there is no backtest for the gate to judge",
            "set validation.holdout (for example 39 with weeks), or remove max_abs_error");
      }
    }
    return new ValidationSettings(holdout, maxAbsError);
  }
}
