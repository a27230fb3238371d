package dev.idic.stages.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;

import dev.idic.stages.rank.GlobalRank;
import dev.idic.stages.settings.RfmSettings;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * RFM scores 1..5 (5 best) and the named R/F segment.
 *
 * <p>Quintiles: customers are ranked best first on each metric and score {@code 5 −
 * ⌊5·(rank−1)/n⌋}, so each score holds a fifth of the customers. Ties are broken deterministically
 * by the other metrics, then by customer id: recency (fewer days since the last purchase is better)
 * by more purchase days, then higher spend; frequency (more purchase days) by fewer days since the
 * last purchase, then higher spend; monetary (higher net spend) by more purchase days, then fewer
 * days since the last purchase.
 *
 * <p>Custom cut points (four ascending values per metric) replace the quintiles: frequency and
 * monetary score 1 + the number of cut points the value reaches, recency scores 5 − the number of
 * cut points the days since the last purchase exceed.
 */
public final class RfmScores {

  private RfmScores() {}

  public static Dataset<Row> score(Dataset<Row> summaryDF, RfmSettings settings) {
    Column days = col("days_since_last_purchase");
    Column purchases = col("purchase_days");
    Column spend = col("total_spend");
    Column id = col("customer_id");
    long customers =
        settings.recencyCutsDays().isEmpty()
                || settings.frequencyCuts().isEmpty()
                || settings.monetaryCuts().isEmpty()
            ? summaryDF.count()
            : 0;

    Dataset<Row> scoredDF = summaryDF;
    scoredDF =
        settings.recencyCutsDays().isEmpty()
            ? quintile(
                scoredDF,
                List.of(days.asc(), purchases.desc(), spend.desc(), id.asc()),
                "r_score",
                customers)
            : scoredDF.withColumn(
                "r_score", lit(5).minus(passed(days, settings.recencyCutsDays(), false)));
    scoredDF =
        settings.frequencyCuts().isEmpty()
            ? quintile(
                scoredDF,
                List.of(purchases.desc(), days.asc(), spend.desc(), id.asc()),
                "f_score",
                customers)
            : scoredDF.withColumn(
                "f_score", lit(1).plus(passed(purchases, settings.frequencyCuts(), true)));
    scoredDF =
        settings.monetaryCuts().isEmpty()
            ? quintile(
                scoredDF,
                List.of(spend.desc(), purchases.desc(), days.asc(), id.asc()),
                "m_score",
                customers)
            : scoredDF.withColumn(
                "m_score", lit(1).plus(passed(spend, settings.monetaryCuts(), true)));
    return scoredDF
        .withColumn(
            "rfm_score",
            concat(
                col("r_score").cast("string"),
                col("f_score").cast("string"),
                col("m_score").cast("string")))
        .withColumn("rfm_segment", RfmSegment.of("r_score", "f_score"));
  }

  private static Dataset<Row> quintile(
      Dataset<Row> df, List<Column> bestFirst, String scoreColumn, long customers) {
    String rank = "_rank_" + scoreColumn;
    Column score =
        lit(5).minus(floor(col(rank).minus(1).multiply(5).divide(Math.max(customers, 1))));
    return GlobalRank.withRank(df, bestFirst, rank, null, null)
        .withColumn(scoreColumn, score.cast("int"))
        .drop(rank);
  }

  private static Column passed(Column value, List<Double> cuts, boolean reaching) {
    Column count = lit(0);
    for (double cut : cuts) {
      Column hit = reaching ? value.geq(cut) : value.gt(cut);
      count = count.plus(hit.cast("int"));
    }
    return count;
  }
}
