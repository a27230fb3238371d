package dev.idic.stages.validation;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;

import dev.idic.stages.contract.Tables;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * The rows of {@code model_calibration}: FHL's conditional-expectation plot, customers grouped by
 * calibration frequency 0..6 and 7+ (the literature's censoring), mean actual and mean expected
 * holdout purchases per group.
 */
public final class ModelCalibration {

  public static final StructType SCHEMA = Tables.MODEL_CALIBRATION.contract().sparkSchema();

  /** Calibration frequencies from this one up share a group. */
  public static final int CENSOR = 7;

  private ModelCalibration() {}

  /**
   * @param predictionsDF rows of {@link HoldoutPredictions#purchases}
   */
  public static List<Row> rows(String modelName, Dataset<Row> predictionsDF) {
    List<Row> groups =
        predictionsDF
            .groupBy(least(col("frequency"), lit(CENSOR)).as("group"))
            .agg(
                count(lit(1)).as("customers"),
                avg(col("holdout_purchases")).as("actual"),
                avg(col("expected_holdout")).as("expected"))
            .orderBy("group")
            .collectAsList();
    List<Row> rows = new ArrayList<>();
    for (Row g : groups) {
      int frequency = g.getInt(0);
      rows.add(
          RowFactory.create(
              modelName,
              frequency == CENSOR ? CENSOR + "+" : Integer.toString(frequency),
              frequency,
              g.getLong(1),
              g.getDouble(2),
              g.getDouble(3)));
    }
    return rows;
  }
}
