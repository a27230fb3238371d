package dev.idic.stages.validation;

import static org.apache.spark.sql.functions.avg;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Pearson's correlation, NaN when either side is constant. Spark's {@code corr} divides by zero
 * there, which the pipeline's ANSI mode turns into an error, and a constant prediction (all
 * customers alike) is a result to report, not a failure. Two passes over centred values: stable for
 * counts of millions of customers.
 */
final class Pearson {

  private Pearson() {}

  static double of(Dataset<Row> df, Column x, Column y) {
    Row means = df.agg(avg(x), avg(y)).first();
    if (means.isNullAt(0) || means.isNullAt(1)) {
      return Double.NaN;
    }
    Column dx = x.minus(means.getDouble(0));
    Column dy = y.minus(means.getDouble(1));
    Row moments = df.agg(avg(dx.multiply(dy)), avg(dx.multiply(dx)), avg(dy.multiply(dy))).first();
    double varX = moments.getDouble(1);
    double varY = moments.getDouble(2);
    return varX > 0 && varY > 0 ? moments.getDouble(0) / Math.sqrt(varX * varY) : Double.NaN;
  }
}
