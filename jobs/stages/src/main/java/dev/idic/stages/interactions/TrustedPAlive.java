package dev.idic.stages.interactions;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * P(alive) as the rules of this stage may use it. A degenerate purchase fit (issue 13: BG/NBD with
 * {@code a} near 0 on long regular histories, P(alive) at least 0.72 for everyone) would leave no
 * repeat buyer in decline or churned and the at-risk list empty, so its P(alive) is withheld: the
 * lifecycle and loyalty rules then judge each customer by days since the last purchase against the
 * customer's own mean gap between purchases, as they do when no model ran. The published {@code
 * customer_scores} keep the model's figures; only this stage's judgement stops trusting them.
 */
final class TrustedPAlive {

  private TrustedPAlive() {}

  /**
   * @param scoresDF {@code customer_scores}: customer_id, p_alive
   * @param modelFitDF {@code model_fit} when staged; its purchase-model rows say whether the fit is
   *     degenerate
   * @param warnings gets one line saying which fit was set aside and why
   */
  static Dataset<Row> of(
      Dataset<Row> scoresDF, Optional<Dataset<Row>> modelFitDF, List<String> warnings) {
    Optional<Row> degenerate =
        modelFitDF.flatMap(
            fitDF ->
                fitDF
                    .where(col("model").notEqual("gamma_gamma").and(col("degenerate")))
                    .select("model", "warning")
                    .limit(1)
                    .collectAsList()
                    .stream()
                    .findFirst());
    if (degenerate.isEmpty()) {
      return scoresDF;
    }
    warnings.add(
        degenerate.get().getString(0)
            + " fit is degenerate ("
            + degenerate.get().getString(1)
            + "): lifecycle, loyalty and list_high_value_at_risk judge customers by days since"
            + " their last purchase against their own mean gap between purchases, not by"
            + " P(alive)");
    return scoresDF.withColumn("p_alive", lit(null).cast(DataTypes.DoubleType));
  }
}
