package dev.idic.stages.validation;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The figures of {@code model_validation}, one aggregate pass over the predictions per model. Names
 * are the table's metric names; values NaN where a figure has no data (no zero-class customers, a
 * constant prediction).
 */
public final class ValidationMetrics {

  public static final String CUM_REPEAT_ACTUAL = "cum_repeat_actual";
  public static final String CUM_REPEAT_EXPECTED = "cum_repeat_expected";
  public static final String CUM_REPEAT_ERROR = "cum_repeat_error";
  public static final String HOLDOUT_PURCHASES_ACTUAL = "holdout_purchases_actual";
  public static final String HOLDOUT_PURCHASES_EXPECTED = "holdout_purchases_expected";
  public static final String CORR_CONDITIONAL = "corr_conditional";
  public static final String MAE_CONDITIONAL = "mae_conditional";
  public static final String ZERO_CLASS_N = "zero_class_n";
  public static final String ZERO_CLASS_ACTUAL_MEAN = "zero_class_actual_mean";
  public static final String ZERO_CLASS_EXPECTED_MEAN = "zero_class_expected_mean";
  public static final String AUC_NO_PURCHASE = "auc_no_purchase";
  public static final String BRIER_NO_PURCHASE = "brier_no_purchase";
  public static final String SPEND_MEAN_ACTUAL = "spend_mean_actual";
  public static final String SPEND_MEAN_EXPECTED = "spend_mean_expected";
  public static final String CORR_SPEND = "corr_spend";

  private ValidationMetrics() {}

  /**
   * @param predictionsDF rows of {@link HoldoutPredictions#purchases}
   * @return metric name to value, in the table's order
   */
  public static Map<String, Double> purchase(Dataset<Row> predictionsDF) {
    Column zeroClass = col("frequency").equalTo(0);
    Column noPurchase = col("holdout_purchases").equalTo(0);
    Column actual = col("holdout_purchases").cast("double");
    Column expected = col("expected_holdout");
    Row r =
        predictionsDF
            .agg(
                sum(col("frequency").cast("long")).cast("double"),
                sum(col("holdout_purchases").cast("long")).cast("double"),
                sum(col("expected_cumulative")),
                sum(expected),
                avg(abs(expected.minus(actual))),
                count(when(zeroClass, 1)).cast("double"),
                avg(when(zeroClass, actual)),
                avg(when(zeroClass, expected)),
                avg(pow(col("p_no_purchase").minus(when(noPurchase, 1.0).otherwise(0.0)), 2)))
            .first();
    double calibrationRepeats = value(r, 0);
    double holdoutActual = value(r, 1);
    double cumActual = calibrationRepeats + holdoutActual;
    double cumExpected = value(r, 2);
    Map<String, Double> m = new LinkedHashMap<>();
    m.put(CUM_REPEAT_ACTUAL, cumActual);
    m.put(CUM_REPEAT_EXPECTED, cumExpected);
    m.put(CUM_REPEAT_ERROR, cumActual > 0 ? cumExpected / cumActual - 1.0 : Double.NaN);
    m.put(HOLDOUT_PURCHASES_ACTUAL, holdoutActual);
    m.put(HOLDOUT_PURCHASES_EXPECTED, value(r, 3));
    m.put(CORR_CONDITIONAL, Pearson.of(predictionsDF, expected, actual));
    m.put(MAE_CONDITIONAL, value(r, 4));
    m.put(ZERO_CLASS_N, value(r, 5));
    m.put(ZERO_CLASS_ACTUAL_MEAN, value(r, 6));
    m.put(ZERO_CLASS_EXPECTED_MEAN, value(r, 7));
    m.put(AUC_NO_PURCHASE, RankAuc.of(predictionsDF, col("p_no_purchase"), noPurchase));
    m.put(BRIER_NO_PURCHASE, value(r, 8));
    return m;
  }

  /**
   * @param spendDF rows of {@link HoldoutPredictions#spend}
   */
  public static Map<String, Double> spend(Dataset<Row> spendDF) {
    Row r = spendDF.agg(avg(col("spend_actual")), avg(col("spend_expected"))).first();
    Map<String, Double> m = new LinkedHashMap<>();
    m.put(SPEND_MEAN_ACTUAL, value(r, 0));
    m.put(SPEND_MEAN_EXPECTED, value(r, 1));
    m.put(CORR_SPEND, Pearson.of(spendDF, col("spend_expected"), col("spend_actual")));
    return m;
  }

  private static double value(Row row, int i) {
    return row.isNullAt(i) ? Double.NaN : ((Number) row.get(i)).doubleValue();
  }
}
