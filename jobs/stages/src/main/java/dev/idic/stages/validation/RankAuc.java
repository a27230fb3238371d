package dev.idic.stages.validation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The area under the ROC curve as the rank (Mann-Whitney) statistic: the probability that a
 * randomly chosen positive scores above a randomly chosen negative, ties counting one half. Exact,
 * with no thresholds to choose; Spark groups the rows by score so the driver sees one row per
 * distinct score.
 */
final class RankAuc {

  private RankAuc() {}

  /**
   * @return the AUC, NaN when there are no positives or no negatives
   */
  static double of(Dataset<Row> scoredDF, Column score, Column positive) {
    List<Row> byScore =
        scoredDF
            .groupBy(score.as("score"))
            .agg(
                sum(when(positive, 1L).otherwise(0L)).as("positives"),
                sum(when(positive, 0L).otherwise(1L)).as("negatives"))
            .orderBy(col("score"))
            .collectAsList();
    double pairsWon = 0;
    long negativesBelow = 0;
    long positives = 0;
    for (Row row : byScore) {
      long pos = row.getLong(1);
      long neg = row.getLong(2);
      pairsWon += pos * (negativesBelow + 0.5 * neg);
      negativesBelow += neg;
      positives += pos;
    }
    long negatives = negativesBelow;
    return positives == 0 || negatives == 0
        ? Double.NaN
        : pairsWon / ((double) positives * negatives);
  }
}
