package dev.idic.stages.validation;

import dev.idic.model.ModelFit;
import dev.idic.model.PurchaseModel;
import dev.idic.stages.contract.IdicErrors;
import dev.idic.stages.contract.IdicException;
import dev.idic.stages.contract.RunPaths;
import dev.idic.stages.contract.Tables;
import dev.idic.stages.settings.ValidationSettings;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether the night may publish: with {@code validation.max_abs_error} set, the configured
 * purchase model's |cum_repeat_error| must not exceed it, and its calibration fit must not be
 * degenerate (any {@link ModelFit#warnings()}, or not {@link ModelFit#usable()}). Without a
 * threshold the figures are reported only.
 */
public final class QualityGate {

  private QualityGate() {}

  /**
   * @return the error to fail the night with, empty when the gate passes or is off
   */
  public static Optional<IdicException> check(
      HoldoutValidation validation, ValidationSettings settings, RunPaths paths) {
    if (settings.gate().isEmpty()) {
      return Optional.empty();
    }
    double threshold = settings.gate().getAsDouble();
    ModelFit<? extends PurchaseModel> fit = validation.fits().configured();
    double error = validation.metric(fit.modelName(), ValidationMetrics.CUM_REPEAT_ERROR);
    String where =
        "validation stage, "
            + fit.modelName()
            + " fitted up to "
            + validation.window().calibrationEnd()
            + " and predicting to "
            + validation.window().holdoutEnd();
    String tables =
        " The validation tables are kept in "
            + paths.staged(Tables.MODEL_VALIDATION)
            + ", "
            + paths.staged(Tables.MODEL_TRACKING)
            + " and "
            + paths.staged(Tables.MODEL_CALIBRATION)
            + "; nothing of this night was published";
    if (!fit.usable() || !fit.warnings().isEmpty()) {
      return Optional.of(
          IdicErrors.qualityGateFailed(
              where,
              "the fit is degenerate ("
                  + String.join("; ", fit.warnings())
                  + "), so its predictions cannot be trusted (cum_repeat_error "
                  + percent(error)
                  + ", validation.max_abs_error "
                  + percent(threshold)
                  + ")."
                  + tables,
              "supply a longer history, set a small models.penalizer (for example 0.001) or try"
                  + " models.purchase_model: pareto_nbd; then rerun with --force"));
    }
    if (!(Math.abs(error) <= threshold)) {
      return Optional.of(
          IdicErrors.qualityGateFailed(
              where,
              "|cum_repeat_error| is "
                  + percent(Math.abs(error))
                  + " (expected "
                  + round(validation.metric(fit.modelName(), ValidationMetrics.CUM_REPEAT_EXPECTED))
                  + " against "
                  + round(validation.metric(fit.modelName(), ValidationMetrics.CUM_REPEAT_ACTUAL))
                  + " actual repeat transactions), above validation.max_abs_error "
                  + percent(threshold)
                  + "."
                  + tables,
              "look at model_tracking for where the forecast drifts; if the data is right, raise"
                  + " validation.max_abs_error or change the model settings, then rerun with"
                  + " --force"));
    }
    return Optional.empty();
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
  }

  private static String round(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
