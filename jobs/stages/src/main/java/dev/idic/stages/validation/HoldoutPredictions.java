package dev.idic.stages.validation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import dev.idic.model.GammaGammaModel;
import dev.idic.model.PurchaseModel;
import dev.idic.stages.spark.RowIterators;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What a model fitted on the calibration period predicts for each backtest customer, beside what
 * the customer did: computed on the executors, customers sharing a history scored once per
 * partition.
 */
public final class HoldoutPredictions {

  /** Columns of {@link #purchases}. */
  public static final StructType PURCHASE_SCHEMA =
      new StructType()
          .add("customer_id", DataTypes.StringType, false)
          .add("frequency", DataTypes.IntegerType, false)
          .add("holdout_purchases", DataTypes.IntegerType, false)
          .add("expected_holdout", DataTypes.DoubleType, false)
          .add("p_no_purchase", DataTypes.DoubleType, false)
          .add("expected_cumulative", DataTypes.DoubleType, false);

  private HoldoutPredictions() {}

  /**
   * Per customer: the conditional expectation of purchases in the holdout given the calibration
   * history, P(no purchase in the holdout), and the unconditional E[X(T + holdout)], the repeat
   * purchases a customer of that age is expected to have made since its first purchase (FHL's
   * tracking expectation).
   *
   * @param customersDF rows of {@link HoldoutCustomers#from}
   */
  public static Dataset<Row> purchases(
      Dataset<Row> customersDF, PurchaseModel model, HoldoutWindow window) {
    return customersDF
        .select("customer_id", "frequency", "recency", "T", "holdout_purchases")
        .mapPartitions(scorePartition(model, window.holdout()), Encoders.row(PURCHASE_SCHEMA));
  }

  /**
   * Customers who bought again in the calibration period and bought in the holdout: their actual
   * mean holdout value per purchase day beside Gamma-Gamma's conditional expected average value.
   *
   * @return customer_id, spend_actual, spend_expected
   */
  public static Dataset<Row> spend(Dataset<Row> customersDF, GammaGammaModel model) {
    UserDefinedFunction expected =
        udf(
            (UDF2<Integer, Double, Double>) model::conditionalExpectedAverageValue,
            DataTypes.DoubleType);
    return customersDF
        .where(col("frequency").gt(0).and(col("holdout_purchases").gt(0)))
        .select(
            col("customer_id"),
            col("holdout_value_mean").as("spend_actual"),
            expected.apply(col("frequency"), col("monetary_value")).as("spend_expected"));
  }

  private static MapPartitionsFunction<Row, Row> scorePartition(PurchaseModel model, int holdout) {
    return rows -> {
      Map<History, double[]> memo = new HashMap<>();
      return RowIterators.map(
          rows,
          row -> {
            int x = row.getInt(1);
            double tx = row.getDouble(2);
            double age = row.getDouble(3);
            double[] p =
                memo.computeIfAbsent(
                    new History(x, tx, age),
                    h ->
                        new double[] {
                          model.expectedPurchases(holdout, x, tx, age),
                          model.probabilityNoPurchase(holdout, x, tx, age),
                          model.unconditionalExpectedPurchases(age + holdout)
                        });
            return RowFactory.create(row.getString(0), x, row.getInt(4), p[0], p[1], p[2]);
          });
    };
  }

  private record History(int x, double tx, double age) {}
}
