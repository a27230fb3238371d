package dev.idic.stages.interactions;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dev.idic.stages.settings.ContactSettings.DifficultyRules;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The difficulty class per customer from behaviour in the 365 days ending on D: easy, normal,
 * demanding, difficult.
 *
 * <p>Points = complaints + {@code disputePoints} × disputes + returns (see {@link
 * DifficultyRules}). Classes are fixed thresholds on points, not quantiles: the 30/40/20/10 split
 * of the source material is a reference to compare the observed split with, and forcing quantiles
 * would reproduce it by construction and call a tenth of a perfectly easy customer base difficult.
 *
 * <p>Adds {@code difficulty_points} (long), {@code difficulty_class} and {@code difficulty_reason}
 * (plain language). Needs: complaints_365d, disputes_365d, returns_365d (zero, not null, when there
 * were none).
 */
public final class DifficultyClasses {

  /** The classes from easiest to hardest, with the source material's reference shares. */
  static final List<String> CLASSES = List.of("easy", "normal", "demanding", "difficult");

  static final List<Double> REFERENCE_SHARES = List.of(0.30, 0.40, 0.20, 0.10);

  private DifficultyClasses() {}

  public static Dataset<Row> addClass(Dataset<Row> customersDF, DifficultyRules rules) {
    Column points = col("difficulty_points");
    return customersDF
        .withColumn(
            "difficulty_points",
            col("complaints_365d")
                .plus(col("disputes_365d").multiply(rules.disputePoints()))
                .plus(col("returns_365d"))
                .cast("long"))
        .withColumn(
            "difficulty_class",
            when(points.geq(rules.difficultFromPoints()), lit("difficult"))
                .when(points.geq(rules.demandingFromPoints()), lit("demanding"))
                .when(points.geq(rules.normalFromPoints()), lit("normal"))
                .otherwise(lit("easy")))
        .withColumn(
            "difficulty_reason",
            format_string(
                "%s in the last 365 days: %s, %s (%d points each), %s",
                Phrases.count(points, "point", "points"),
                Phrases.count(col("complaints_365d"), "complaint", "complaints"),
                Phrases.count(col("disputes_365d"), "dispute", "disputes"),
                lit(rules.disputePoints()),
                Phrases.count(col("returns_365d"), "return", "returns")));
  }
}
