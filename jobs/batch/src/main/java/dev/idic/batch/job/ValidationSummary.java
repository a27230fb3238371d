package dev.idic.batch.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The holdout backtest's figures of a night in a few console lines, from the validation step's
 * details (model.metric keys, as {@code ValidationStage} reports them).
 */
final class ValidationSummary {

  private static final List<String> PURCHASE_MODELS = List.of("bgnbd", "pareto_nbd");

  private ValidationSummary() {}

  static List<String> lines(Map<String, Object> details) {
    if (!details.containsKey("calibration_end")) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    lines.add(
        "Holdout backtest, fitted to "
            + details.get("calibration_end")
            + ", predicting to "
            + details.get("holdout_end")
            + " (model_validation, model_tracking, model_calibration):");
    for (String model : PURCHASE_MODELS) {
      if (!details.containsKey(model + ".cum_repeat_error")) {
        continue;
      }
      lines.add(
          String.format(
              Locale.ROOT,
              "  %-10s cumulative repeat transactions %.0f expected, %.0f actual (error %+.1f%%);"
                  + " holdout %.0f expected, %.0f actual; correlation %.2f; AUC %.2f",
              model,
              figure(details, model, "cum_repeat_expected"),
              figure(details, model, "cum_repeat_actual"),
              100 * figure(details, model, "cum_repeat_error"),
              figure(details, model, "holdout_purchases_expected"),
              figure(details, model, "holdout_purchases_actual"),
              figure(details, model, "corr_conditional"),
              figure(details, model, "auc_no_purchase")));
    }
    if (details.containsKey("gamma_gamma.spend_mean_actual")) {
      lines.add(
          String.format(
              Locale.ROOT,
              "  %-10s mean spend per purchase %.2f expected, %.2f actual; correlation %.2f",
              "gamma_gamma",
              figure(details, "gamma_gamma", "spend_mean_expected"),
              figure(details, "gamma_gamma", "spend_mean_actual"),
              figure(details, "gamma_gamma", "corr_spend")));
    }
    return lines;
  }

  private static double figure(Map<String, Object> details, String model, String metric) {
    Object value = details.get(model + "." + metric);
    return value instanceof Number number ? number.doubleValue() : Double.NaN;
  }
}
