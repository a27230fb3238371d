package dev.idic.stages.validation;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.idic.stages.features.CustomerSummary;
import dev.idic.stages.settings.InputShaping.Returns;
import java.sql.Date;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The backtest's customers: those with a purchase day on or before the calibration end, each with
 * the BTYD summary exactly as the features stage computes it for that date, and what the customer
 * actually did in the holdout.
 *
 * <p>Holdout purchases count like the features stage counts purchases: distinct purchase days
 * (lifetimes' {@code frequency_holdout}). The holdout spend is the mean net value of those days,
 * the same per-day rule as the calibration {@code monetary_value} (lifetimes averages raw rows
 * there, which mixes two definitions).
 */
public final class HoldoutCustomers {

  private HoldoutCustomers() {}

  /**
   * @param transactionsDF accepted transactions (customer_id, purchase_date, amount)
   * @return customer_id, first_purchase_date, frequency, recency, T, monetary_value (calibration,
   *     model time unit), holdout_purchases int, holdout_value_mean double (null without holdout
   *     purchases)
   */
  public static Dataset<Row> from(Dataset<Row> transactionsDF, HoldoutWindow window) {
    return from(transactionsDF, window, Returns.NET);
  }

  /**
   * As {@link #from(Dataset, HoldoutWindow)}, purchase values with returns treated as {@code
   * returns}, as the night's summary treats them.
   */
  public static Dataset<Row> from(
      Dataset<Row> transactionsDF, HoldoutWindow window, Returns returns) {
    Column day = col("purchase_date");
    Column calibrationEnd = lit(Date.valueOf(window.calibrationEnd()));
    Dataset<Row> calibrationDF =
        CustomerSummary.from(
                transactionsDF.where(day.leq(calibrationEnd)),
                window.calibrationEnd(),
                window.unit(),
                returns)
            .select(
                "customer_id",
                "first_purchase_date",
                "frequency",
                "recency",
                "T",
                "monetary_value");
    Dataset<Row> holdoutDF =
        CustomerSummary.days(
                transactionsDF.where(
                    day.gt(calibrationEnd).and(day.leq(lit(Date.valueOf(window.holdoutEnd()))))),
                returns)
            .where(col("is_purchase_day"))
            .groupBy("customer_id")
            .agg(
                count(lit(1)).cast("int").as("holdout_purchases"),
                sum(col("day_value")).as("holdout_cents"));
    Column purchases = coalesce(col("holdout_purchases"), lit(0));
    return calibrationDF
        .join(holdoutDF, "customer_id", "left")
        .select(
            col("customer_id"),
            col("first_purchase_date"),
            col("frequency"),
            col("recency"),
            col("T"),
            col("monetary_value"),
            purchases.as("holdout_purchases"),
            when(
                    purchases.gt(0),
                    col("holdout_cents").cast("double").divide(100.0).divide(purchases))
                .as("holdout_value_mean"));
  }
}
