package dev.idic.stages.validation;

import dev.idic.model.PurchaseModel;
import dev.idic.stages.contract.Tables;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * The rows of {@code model_tracking}: FHL's tracking plot, actual against expected repeat
 * transactions of the backtest customers per period, calibration and holdout. The expectation of a
 * customer at the end of a period is the model's unconditional E[X(t)], t its age then, summed over
 * the cohorts; it does not use what the customer did, so the holdout part is a true forecast.
 */
public final class ModelTracking {

  public static final StructType SCHEMA = Tables.MODEL_TRACKING.contract().sparkSchema();

  private ModelTracking() {}

  public static List<Row> rows(String modelName, PurchaseModel model, TrackingData data) {
    int unit = data.window().unitDays();
    int[] cohortAges = data.cohortDaysBeforeEnd();
    int oldest = cohortAges.length == 0 ? 0 : cohortAges[cohortAges.length - 1];
    // E[X(t)] depends on the age in days only: one evaluation per age, however many cohorts.
    double[] expectedAtAge = new double[oldest + 1];
    for (int age = 1; age <= oldest; age++) {
      expectedAtAge[age] = model.unconditionalExpectedPurchases((double) age / unit);
    }
    List<Row> rows = new ArrayList<>();
    long actualCumulative = 0;
    double expectedBefore = 0;
    for (int k = 1; k <= data.periods(); k++) {
      int endBefore = data.daysBeforeEnd(k);
      double expectedCumulative = 0;
      for (int c = 0; c < cohortAges.length; c++) {
        int age = cohortAges[c] - endBefore;
        if (age > 0) {
          expectedCumulative += data.cohortCustomers()[c] * expectedAtAge[age];
        }
      }
      long actual = data.actualRepeats()[k - 1];
      actualCumulative += actual;
      rows.add(
          RowFactory.create(
              modelName,
              k,
              Date.valueOf(data.window().holdoutEnd().minusDays(endBefore)),
              data.inHoldout(k) ? "holdout" : "calibration",
              actual,
              actualCumulative,
              expectedCumulative - expectedBefore,
              expectedCumulative));
      expectedBefore = expectedCumulative;
    }
    return rows;
  }
}
