package dev.idic.stages.validation;

import dev.idic.model.ModelFit;
import dev.idic.model.ModelFitException;
import dev.idic.model.PurchaseModel;
import dev.idic.stages.contract.Dataflow;
import dev.idic.stages.contract.IdicErrors;
import dev.idic.stages.contract.RunContext;
import dev.idic.stages.contract.Stage;
import dev.idic.stages.contract.StageIo;
import dev.idic.stages.contract.StageReport;
import dev.idic.stages.contract.StagedTables;
import dev.idic.stages.contract.Tables;
import dev.idic.stages.settings.ValidationSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Stages {@code model_validation}, {@code model_tracking} and {@code model_calibration}: the
 * holdout backtest of the night ({@link HoldoutValidation}), then the quality gate ({@link
 * QualityGate}). With {@code validation.holdout} 0 it does nothing and the three tables get no
 * partition for the date: an empty partition would read as "validated, nothing found".
 */
public final class ValidationStage implements Stage {

  @Override
  public StageReport run(RunContext context) {
    ValidationSettings settings = context.settings().validation();
    if (!settings.enabled()) {
      return new StageReport(Map.of(), Map.of("validation", "off"), List.of());
    }
    HoldoutWindow window =
        HoldoutWindow.endingAt(
            context.asOfDate(), settings.holdout(), context.settings().timeUnit());
    StagedTables tables = context.tables(this);
    Dataset<Row> transactionsDF = tables.read(Tables.TRANSACTIONS_ACCEPTED);
    Dataset<Row> customersDF =
        tables.scratch(
            "holdout_customers",
            HoldoutCustomers.from(
                transactionsDF, window, context.settings().transactions().shaping().returns()));
    HoldoutValidation validation = validate(context, customersDF, transactionsDF, window);

    tables.write(Tables.MODEL_VALIDATION, validation.validationDF(context.spark()).coalesce(1));
    tables.write(Tables.MODEL_TRACKING, validation.trackingDF(context.spark()).coalesce(1));
    tables.write(Tables.MODEL_CALIBRATION, validation.calibrationDF(context.spark()).coalesce(1));
    QualityGate.check(validation, settings, context.paths())
        .ifPresent(
            error -> {
              throw error;
            });
    return report(validation);
  }

  private static HoldoutValidation validate(
      RunContext context,
      Dataset<Row> customersDF,
      Dataset<Row> transactionsDF,
      HoldoutWindow window) {
    try {
      return HoldoutValidation.run(
          customersDF, transactionsDF, window, context.settings().models());
    } catch (IllegalArgumentException | ModelFitException e) {
      throw IdicErrors.inputRejected(
          "validation stage, calibration period up to " + window.calibrationEnd(),
          "the models cannot be fitted on the data before the holdout: " + e.getMessage(),
          "shorten validation.holdout (now "
              + window.holdout()
              + " "
              + context.settings().timeUnit().name().toLowerCase(java.util.Locale.ROOT)
              + "), or set it to 0 to turn the backtest off",
          e);
    }
  }

  private static StageReport report(HoldoutValidation validation) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("customers", Math.round(validation.fits().configured().customers()));
    counts.put(
        "periods", (long) validation.tracking().size() / validation.fits().purchase().size());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("calibration_end", validation.window().calibrationEnd().toString());
    details.put("holdout_end", validation.window().holdoutEnd().toString());
    validation
        .metrics()
        .forEach(
            (model, figures) ->
                figures.forEach(
                    (metric, value) ->
                        details.put(model + "." + metric, Double.isFinite(value) ? value : null)));
    List<String> warnings = new ArrayList<>(validation.fits().warnings());
    for (ModelFit<? extends PurchaseModel> fit : validation.fits().purchase()) {
      fit.warnings().forEach(w -> warnings.add(fit.modelName() + " (calibration fit): " + w));
    }
    validation
        .fits()
        .spend()
        .warnings()
        .forEach(w -> warnings.add("gamma_gamma (calibration fit): " + w));
    return new StageReport(counts, details, warnings);
  }

  @Override
  public StageIo io() {
    return Dataflow.VALIDATION;
  }
}
