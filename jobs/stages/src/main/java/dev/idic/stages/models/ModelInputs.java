package dev.idic.stages.models;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The compressed inputs of the model fits, computed in Spark so the driver receives distinct
 * patterns with counts, never one row per customer.
 */
public final class ModelInputs {

  private ModelInputs() {}

  /**
   * Distinct (frequency, recency, T) histories with the number of customers sharing each.
   *
   * @param featuresDF {@code customer_features} (frequency int, recency double, T double)
   * @return frequency int, recency double, T double, customers long
   */
  public static Dataset<Row> purchasePatterns(Dataset<Row> featuresDF) {
    return featuresDF
        .groupBy(col("frequency"), col("recency"), col("T"))
        .agg(count(lit(1)).as("customers"));
  }

  /**
   * Repeat buyers with a positive mean repeat value, grouped on (frequency, monetary_value):
   * Gamma-Gamma's input. Repeat buyers whose repeat days net to zero or less (returns) cannot enter
   * the Gamma likelihood; {@link #excludedRepeatBuyers} counts them.
   *
   * @return frequency int, monetary_value double, customers long
   */
  public static Dataset<Row> spendPatterns(Dataset<Row> featuresDF) {
    return featuresDF
        .where(col("frequency").gt(0).and(col("monetary_value").gt(0)))
        .groupBy(col("frequency"), col("monetary_value"))
        .agg(count(lit(1)).as("customers"));
  }

  /**
   * Repeat buyers left out of the Gamma-Gamma fit because their mean repeat value is not positive.
   */
  public static Dataset<Row> excludedRepeatBuyers(Dataset<Row> featuresDF) {
    return featuresDF.where(col("frequency").gt(0).and(col("monetary_value").leq(0)));
  }
}
