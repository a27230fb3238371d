package dev.idic.batch.config;

import static dev.idic.batch.config.SectionContext.orDefault;

import dev.idic.stages.settings.ModelSettings;

/** The {@code models} section; a key left out keeps its value of {@link ModelSettings#DEFAULTS}. */
final class ModelsSection extends Section<RawConfig.Models, ModelSettings> {

  ModelsSection(SectionContext context) {
    super(context, ModelSettings.DEFAULTS);
  }

  @Override
  protected ModelSettings fromFile(RawConfig.Models raw, ModelSettings defaults) {
    ModelSettings models =
        new ModelSettings(
            orDefault(raw.purchaseModel(), defaults.purchaseModel()),
            orDefault(raw.horizonMonths(), defaults.horizonMonths()),
            orDefault(raw.discountRateMonthly(), defaults.discountRateMonthly()),
            orDefault(raw.penalizer(), defaults.penalizer()),
            orDefault(raw.failOnNonConvergence(), defaults.failOnNonConvergence()),
            orDefault(raw.maxFitSeconds(), defaults.maxFitSeconds()));
    if (models.horizonMonths() < 1) {
      throw context.invalid(
          "models.horizon_months",
          "must be at least 1, got " + models.horizonMonths(),
          "use a whole number of months such as 12");
    }
    context.requireRange("models.discount_rate_monthly", models.discountRateMonthly(), 0.0, 1.0);
    if (models.penalizer() < 0) {
      throw context.invalid(
          "models.penalizer", "must not be negative, got " + models.penalizer(), "use 0 or more");
    }
    if (!(models.maxFitSeconds() > 0)) {
      throw context.invalid(
          "models.max_fit_seconds",
          "must be above 0, got " + models.maxFitSeconds(),
          "use a number of seconds such as 300");
    }
    return models;
  }
}
