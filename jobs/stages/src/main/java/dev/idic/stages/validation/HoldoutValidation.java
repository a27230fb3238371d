package dev.idic.stages.validation;

import dev.idic.model.ModelFit;
import dev.idic.model.PurchaseModel;
import dev.idic.stages.contract.Tables;
import dev.idic.stages.settings.ModelSettings;
import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * One night's holdout backtest: the models fitted on the calibration period, their predictions of
 * the holdout against what happened, as the rows of {@code model_validation}, {@code
 * model_tracking} and {@code model_calibration}. The tables are small (a few rows per model and
 * period), so they are assembled on the driver from Spark aggregates.
 *
 * @param window the backtest's split
 * @param fits the calibration-period fits
 * @param metrics per model name, metric name to value ({@link ValidationMetrics})
 * @param tracking rows of {@code model_tracking}
 * @param calibration rows of {@code model_calibration}
 */
public record HoldoutValidation(
    HoldoutWindow window,
    HoldoutFits fits,
    Map<String, Map<String, Double>> metrics,
    List<Row> tracking,
    List<Row> calibration) {

  public static final StructType VALIDATION_SCHEMA =
      Tables.MODEL_VALIDATION.contract().sparkSchema();

  /**
   * @param customersDF rows of {@link HoldoutCustomers#from} (read more than once: stage it)
   * @param transactionsDF the accepted transactions
   */
  public static HoldoutValidation run(
      Dataset<Row> customersDF,
      Dataset<Row> transactionsDF,
      HoldoutWindow window,
      ModelSettings settings) {
    HoldoutFits fits = HoldoutFits.fit(customersDF, settings);
    TrackingData trackingData = TrackingData.from(customersDF, transactionsDF, window);
    Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
    List<Row> tracking = new ArrayList<>();
    List<Row> calibration = new ArrayList<>();
    for (ModelFit<? extends PurchaseModel> fit : fits.purchase()) {
      Dataset<Row> predictionsDF =
          HoldoutPredictions.purchases(customersDF, fit.model(), window).cache();
      try {
        metrics.put(fit.modelName(), ValidationMetrics.purchase(predictionsDF));
        calibration.addAll(ModelCalibration.rows(fit.modelName(), predictionsDF));
      } finally {
        predictionsDF.unpersist();
      }
      tracking.addAll(ModelTracking.rows(fit.modelName(), fit.model(), trackingData));
    }
    Dataset<Row> spendDF = HoldoutPredictions.spend(customersDF, fits.spend().model()).cache();
    try {
      metrics.put(fits.spend().modelName(), ValidationMetrics.spend(spendDF));
    } finally {
      spendDF.unpersist();
    }
    return new HoldoutValidation(window, fits, metrics, tracking, calibration);
  }

  /** A figure of one model, NaN when the model or the figure is absent. */
  public double metric(String model, String metric) {
    return metrics.getOrDefault(model, Map.of()).getOrDefault(metric, Double.NaN);
  }

  /** The rows of {@code model_validation}; a figure without data (NaN) is null. */
  public List<Row> validationRows() {
    Date calibrationEnd = Date.valueOf(window.calibrationEnd());
    Date holdoutEnd = Date.valueOf(window.holdoutEnd());
    List<Row> rows = new ArrayList<>();
    metrics.forEach(
        (model, figures) ->
            figures.forEach(
                (metric, value) ->
                    rows.add(
                        RowFactory.create(
                            model,
                            metric,
                            Double.isFinite(value) ? value : null,
                            calibrationEnd,
                            holdoutEnd))));
    return rows;
  }

  public Dataset<Row> validationDF(SparkSession spark) {
    return spark.createDataFrame(validationRows(), VALIDATION_SCHEMA);
  }

  public Dataset<Row> trackingDF(SparkSession spark) {
    return spark.createDataFrame(tracking, ModelTracking.SCHEMA);
  }

  public Dataset<Row> calibrationDF(SparkSession spark) {
    return spark.createDataFrame(calibration, ModelCalibration.SCHEMA);
  }
}
