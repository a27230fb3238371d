package dev.idic.stages.validation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;

import dev.idic.stages.features.CustomerSummary;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the tracking comparison needs, reduced in Spark to a size the driver handles: the actual
 * repeat purchase days of the backtest customers per period, and the customers per first purchase
 * day (a cohort). Periods are whole model time units counted back from the holdout end, so the
 * holdout is exactly the last {@code holdout} periods and period 1 holds the earliest first
 * purchase (for CDNOW in weeks: period 1 is 1997-01-01..07, period 78 ends 1998-06-30, as in FHL).
 *
 * @param window the backtest's split
 * @param periods number of periods
 * @param actualRepeats repeat purchase days per period, index 0 = period 1
 * @param cohortDaysBeforeEnd per cohort, days from its first purchase day to the holdout end
 * @param cohortCustomers per cohort, its customers
 */
public record TrackingData(
    HoldoutWindow window,
    int periods,
    long[] actualRepeats,
    int[] cohortDaysBeforeEnd,
    long[] cohortCustomers) {

  /**
   * @param customersDF rows of {@link HoldoutCustomers#from}
   * @param transactionsDF the accepted transactions
   */
  public static TrackingData from(
      Dataset<Row> customersDF, Dataset<Row> transactionsDF, HoldoutWindow window) {
    Column end = lit(Date.valueOf(window.holdoutEnd()));
    List<Row> cohorts =
        customersDF
            .groupBy(datediff(end, col("first_purchase_date")).as("days_before_end"))
            .agg(count(lit(1)).as("customers"))
            .orderBy("days_before_end")
            .collectAsList();
    int n = cohorts.size();
    int[] daysBeforeEnd = new int[n];
    long[] customers = new long[n];
    for (int i = 0; i < n; i++) {
      daysBeforeEnd[i] = cohorts.get(i).getInt(0);
      customers[i] = cohorts.get(i).getLong(1);
    }
    int unit = window.unitDays();
    int periods = n == 0 ? 0 : daysBeforeEnd[n - 1] / unit + 1;

    Dataset<Row> firstDaysDF = customersDF.select("customer_id", "first_purchase_date");
    List<Row> repeats =
        CustomerSummary.days(transactionsDF.where(col("purchase_date").leq(end)))
            .where(col("is_purchase_day"))
            .join(firstDaysDF, "customer_id")
            .where(col("purchase_date").gt(col("first_purchase_date")))
            .groupBy(
                lit(periods)
                    .minus(floor(datediff(end, col("purchase_date")).divide(unit)))
                    .cast("int")
                    .as("period"))
            .agg(count(lit(1)).as("repeats"))
            .collectAsList();
    long[] actual = new long[periods];
    for (Row row : repeats) {
      actual[row.getInt(0) - 1] = row.getLong(1);
    }
    return new TrackingData(window, periods, actual, daysBeforeEnd, customers);
  }

  /** Whether period {@code k} (1-based) lies in the holdout. */
  public boolean inHoldout(int k) {
    return k > periods - window.holdout();
  }

  /** Days from the end of period {@code k} (1-based) to the holdout end. */
  public int daysBeforeEnd(int k) {
    return (periods - k) * window.unitDays();
  }
}
