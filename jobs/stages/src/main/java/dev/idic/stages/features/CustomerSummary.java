package dev.idic.stages.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.idic.stages.settings.InputShaping.Returns;
import dev.idic.stages.settings.TimeUnit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;

/**
 * One row per customer with the BTYD model inputs and the RFM metrics, from accepted transactions.
 *
 * <p>Definitions (the lifetimes conventions, DESIGN.md): transactions of one customer on one local
 * day collapse into one day with their amounts summed. A <em>purchase day</em> is a day with at
 * least one non-negative line; a day with only negative lines is a return-only day. {@code
 * frequency} = purchase days − 1; {@code recency} = last − first purchase day and {@code T} = as-of
 * date − first purchase day, both in the model time unit; {@code monetary_value} = mean net value
 * of the repeat purchase days (0 when frequency is 0).
 *
 * <p>Netting rule for returns ({@code returns: net}, the default): a return on a purchase day
 * reduces that day's value (so it lowers monetary_value); a return on a return-only day is not a
 * purchase and changes only the spend totals ({@code total_spend} is net of all returns, {@code
 * returned_amount} their absolute sum, {@code returns_count} their number). With {@code returns:
 * separate} a purchase day is worth its purchases alone: returns lower only {@code total_spend}.
 * Customers with no purchase day at all (returns only) have no row; the stage reports how many.
 *
 * <p>Units and prices, when the input has them: {@code units} sums the quantities of purchases
 * (transactions of non-negative amount; null when none has a quantity), {@code avg_unit_price} is
 * the quantity-weighted mean unit price of the purchases with a positive quantity and a unit price
 * (null when there is none).
 */
public final class CustomerSummary {

  private CustomerSummary() {}

  /** Name of the metric {@link #from(Dataset, LocalDate, TimeUnit, Observation)} observes. */
  public static final String CUSTOMERS_SEEN = "customers_seen";

  public static Dataset<Row> from(
      Dataset<Row> transactionsDF, LocalDate asOfDate, TimeUnit timeUnit) {
    return from(transactionsDF, asOfDate, timeUnit, Returns.NET);
  }

  /** As {@link #from(Dataset, LocalDate, TimeUnit)}, with returns treated as {@code returns}. */
  public static Dataset<Row> from(
      Dataset<Row> transactionsDF, LocalDate asOfDate, TimeUnit timeUnit, Returns returns) {
    return summarize(
        perCustomer(transactionsDF, returns, List.of()), asOfDate, timeUnit, List.of());
  }

  /**
   * As {@link #from(Dataset, LocalDate, TimeUnit)}, with the {@link RecentPurchases} columns after
   * the summary's, and counts into {@code customersSeen} (metric {@value #CUSTOMERS_SEEN}) every
   * customer with an accepted transaction, returns-only customers included, while the summary is
   * computed: no extra pass over the transactions.
   */
  public static Dataset<Row> from(
      Dataset<Row> transactionsDF,
      LocalDate asOfDate,
      TimeUnit timeUnit,
      Returns returns,
      RecentPurchases recent,
      Observation customersSeen) {
    return summarize(
        perCustomer(transactionsDF, returns, recent.aggregates())
            .observe(customersSeen, count(lit(1)).as(CUSTOMERS_SEEN)),
        asOfDate,
        timeUnit,
        recent.columns());
  }

  /**
   * One row per customer and local day with a transaction: {@code day_value} (the value of the day
   * as a purchase, whole cents: net of the day's returns, or with {@code returns: separate} its
   * purchases alone), {@code day_net} (net, cents), {@code is_purchase_day} (at least one
   * non-negative line), {@code lines}, {@code day_gross} and {@code day_returned} (cents), {@code
   * has_sale}, {@code return_lines}, and the purchases' {@code day_units}, {@code day_priced_units}
   * and {@code day_priced_value} (quantity times unit price, summed). The one statement of the
   * purchase-day rule; the holdout backtest counts its purchases with it too.
   */
  public static Dataset<Row> days(Dataset<Row> transactionsDF, Returns returns) {
    // Sums are of whole cents (amounts are decimal(18,2) by contract) until the end: exact, so the
    // result does not depend on the order Spark adds partial sums in and reruns give the same
    // bytes, and long sums are several times faster than decimal ones.
    Column cents = col("amount").multiply(100).cast("long");
    Column zero = lit(0L);
    Column purchase = cents.geq(0);
    Column quantity = optional(transactionsDF, "quantity", "long");
    Column unitPrice = optional(transactionsDF, "unit_price", "decimal(18,4)");
    Column priced = purchase.and(quantity.gt(0)).and(unitPrice.isNotNull());
    return transactionsDF
        .groupBy(col("customer_id"), col("purchase_date"))
        .agg(
            returns == Returns.SEPARATE
                ? sum(when(purchase, cents).otherwise(zero)).as("day_value")
                : sum(cents).as("day_value"),
            sum(cents).as("day_net"),
            max(purchase).as("is_purchase_day"),
            count(lit(1)).as("lines"),
            sum(when(cents.gt(0), cents).otherwise(zero)).as("day_gross"),
            sum(when(cents.lt(0), cents.unary_$minus()).otherwise(zero)).as("day_returned"),
            max(cents.gt(0)).as("has_sale"),
            count(when(cents.lt(0), 1)).as("return_lines"),
            sum(when(purchase, quantity)).as("day_units"),
            sum(when(priced, quantity)).as("day_priced_units"),
            // Decimal, exact: the mean is taken once, at the end.
            sum(when(priced, unitPrice.multiply(quantity))).as("day_priced_value"));
  }

  /** An optional contract column, or null where the transactions at hand do not carry it. */
  private static Column optional(Dataset<Row> transactionsDF, String name, String type) {
    return Arrays.asList(transactionsDF.columns()).contains(name)
        ? col(name).cast(type)
        : lit(null).cast(type);
  }

  /** As {@link #days(Dataset, Returns)} with returns netted (the default). */
  public static Dataset<Row> days(Dataset<Row> transactionsDF) {
    return days(transactionsDF, Returns.NET);
  }

  /** One row per customer with any transaction: aggregates of its days, then {@code extra}. */
  private static Dataset<Row> perCustomer(
      Dataset<Row> transactionsDF, Returns returns, List<Column> extra) {
    Column zero = lit(0L);
    Dataset<Row> daysDF = days(transactionsDF, returns);

    Column purchaseDay = col("is_purchase_day");
    List<Column> aggregates = new ArrayList<>();
    aggregates.addAll(
        List.of(
            max(when(purchaseDay, col("purchase_date"))).as("last_purchase_date"),
            count(when(purchaseDay, 1)).cast("int").as("purchase_days"),
            sum(when(purchaseDay, col("day_value")).otherwise(zero)).as("purchase_days_value"),
            min_by(col("day_value"), when(purchaseDay, col("purchase_date"))).as("first_day_value"),
            sum(col("lines")).as("transaction_count"),
            sum(col("day_net")).as("total_spend"),
            sum(col("day_gross")).as("gross_spend"),
            sum(col("day_returned")).as("returned_amount"),
            sum(col("return_lines")).as("returns_count"),
            sum(col("day_units")).as("units"),
            sum(col("day_priced_units")).as("priced_units"),
            sum(col("day_priced_value")).as("priced_value")));
    aggregates.addAll(extra);
    return daysDF
        .groupBy("customer_id")
        .agg(
            min(when(purchaseDay, col("purchase_date"))).as("first_purchase_date"),
            aggregates.toArray(Column[]::new));
  }

  /** The summary columns of customers with at least one purchase day. */
  private static Dataset<Row> summarize(
      Dataset<Row> perCustomerDF, LocalDate asOfDate, TimeUnit timeUnit, List<Column> extra) {
    Dataset<Row> customersDF = perCustomerDF.filter(col("purchase_days").gt(0));
    Column asOf = lit(java.sql.Date.valueOf(asOfDate));
    double unit = timeUnit.days();
    Column frequency = col("purchase_days").minus(1);
    List<Column> columns = new ArrayList<>();
    columns.addAll(
        List.of(
            col("customer_id"),
            col("first_purchase_date"),
            col("last_purchase_date"),
            col("purchase_days"),
            frequency.as("frequency"),
            datediff(col("last_purchase_date"), col("first_purchase_date"))
                .divide(unit)
                .as("recency"),
            datediff(asOf, col("first_purchase_date")).divide(unit).as("T"),
            when(
                    frequency.gt(0),
                    fromCents(col("purchase_days_value").minus(col("first_day_value")))
                        .divide(frequency))
                .otherwise(0.0)
                .as("monetary_value"),
            datediff(asOf, col("last_purchase_date")).as("days_since_last_purchase"),
            col("transaction_count"),
            fromCents(col("total_spend")).as("total_spend"),
            fromCents(col("gross_spend")).as("gross_spend"),
            fromCents(col("returned_amount")).as("returned_amount"),
            col("returns_count"),
            col("units"),
            when(
                    col("priced_units").gt(0),
                    col("priced_value").cast("double").divide(col("priced_units").cast("double")))
                .as("avg_unit_price")));
    columns.addAll(extra);
    return customersDF.select(columns.toArray(Column[]::new));
  }

  /** Whole cents as an amount: the double nearest the exact decimal value. */
  static Column fromCents(Column cents) {
    return cents.cast("double").divide(100.0);
  }
}
