package dev.idic.stages.interactions;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.idic.stages.settings.ContactSettings.DifficultyRules;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code difficulty_summary} table: the observed split of customers over the difficulty classes
 * next to the 30/40/20/10 reference. One row per class, always all four: {@code difficulty_class},
 * {@code class_rule} (its point range), {@code customers}, {@code observed_share} (of all
 * customers; null when there are none), {@code reference_share}, {@code share_difference} =
 * observed - reference.
 */
public final class DifficultySummary {

  private DifficultySummary() {}

  /**
   * @param engagementDF per customer: difficulty_class
   */
  public static Dataset<Row> apply(Dataset<Row> engagementDF, DifficultyRules rules) {
    List<String> ruleTexts =
        List.of(
            range(0, rules.normalFromPoints()),
            range(rules.normalFromPoints(), rules.demandingFromPoints()),
            range(rules.demandingFromPoints(), rules.difficultFromPoints()),
            rules.difficultFromPoints() + " points or more");
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < DifficultyClasses.CLASSES.size(); i++) {
      rows.add(
          RowFactory.create(
              DifficultyClasses.CLASSES.get(i),
              i,
              ruleTexts.get(i),
              DifficultyClasses.REFERENCE_SHARES.get(i)));
    }
    StructType schema =
        new StructType()
            .add("difficulty_class", DataTypes.StringType, false)
            .add("class_order", DataTypes.IntegerType, false)
            .add("class_rule", DataTypes.StringType, false)
            .add("reference_share", DataTypes.DoubleType, false);
    Dataset<Row> countsDF =
        engagementDF.groupBy("difficulty_class").agg(count(lit(1)).as("customers"));
    return engagementDF
        .sparkSession()
        .createDataFrame(rows, schema)
        .join(countsDF, "difficulty_class", "left")
        .na()
        .fill(0L, new String[] {"customers"})
        .crossJoin(countsDF.agg(sum("customers").as("total")))
        .withColumn(
            "observed_share",
            when(col("total").gt(0), col("customers").cast("double").divide(col("total"))))
        .withColumn("share_difference", col("observed_share").minus(col("reference_share")))
        .orderBy("class_order")
        .select(
            "difficulty_class",
            "class_rule",
            "customers",
            "observed_share",
            "reference_share",
            "share_difference");
  }

  private static String range(int from, int toExclusive) {
    if (toExclusive <= from) {
      return "none: the next class starts at " + from + " points too";
    }
    return toExclusive - 1 == from
        ? from + " points"
        : from + " to " + (toExclusive - 1) + " points";
  }
}
