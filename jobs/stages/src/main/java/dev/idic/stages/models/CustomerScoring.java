package dev.idic.stages.models;

import dev.idic.model.CustomerScore;
import dev.idic.model.CustomerScorer;
import dev.idic.stages.spark.RowIterators;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Scores every customer on the executors with the fitted, serializable models: one pass over the
 * partitions, each with its own memo of pattern scores (customers sharing a history are scored once
 * per partition). Nothing is collected to the driver.
 */
public final class CustomerScoring {

  private CustomerScoring() {}

  /** Columns of {@code customer_scores} for a horizon of {@code horizonMonths} months. */
  public static StructType schema(int horizonMonths) {
    return new StructType()
        .add("customer_id", DataTypes.StringType, false)
        .add("p_alive", DataTypes.DoubleType, true)
        .add("churn_risk", DataTypes.DoubleType, true)
        .add(expectedPurchasesColumn(horizonMonths), DataTypes.DoubleType, true)
        .add(noPurchaseColumn(horizonMonths), DataTypes.DoubleType, true)
        .add("expected_avg_value", DataTypes.DoubleType, true)
        .add("clv", DataTypes.DoubleType, true);
  }

  public static String expectedPurchasesColumn(int horizonMonths) {
    return "expected_purchases_" + horizonMonths + "m";
  }

  public static String noPurchaseColumn(int horizonMonths) {
    return "p_no_purchase_" + horizonMonths + "m";
  }

  /**
   * @param featuresDF customer_id string, frequency int, recency double, T double, monetary_value
   *     double (other columns are ignored)
   * @param scorer fitted models and CLV settings; its horizon is {@code months} of its CLV settings
   * @return {@code customer_scores}
   */
  public static Dataset<Row> score(Dataset<Row> featuresDF, CustomerScorer scorer) {
    StructType schema = schema(scorer.clvSettings().months());
    return featuresDF
        .select("customer_id", "frequency", "recency", "T", "monetary_value")
        .mapPartitions(scorePartition(scorer), Encoders.row(schema));
  }

  private static MapPartitionsFunction<Row, Row> scorePartition(CustomerScorer scorer) {
    return rows -> {
      CustomerScorer.Cache cache = scorer.newCache();
      return RowIterators.map(
          rows,
          row -> {
            CustomerScore s =
                cache.score(row.getInt(1), row.getDouble(2), row.getDouble(3), row.getDouble(4));
            return RowFactory.create(
                row.getString(0),
                s.probabilityAlive(),
                1.0 - s.probabilityAlive(),
                s.expectedPurchases(),
                s.probabilityNoPurchase(),
                s.expectedAverageValue(),
                s.clv());
          });
    };
  }
}
