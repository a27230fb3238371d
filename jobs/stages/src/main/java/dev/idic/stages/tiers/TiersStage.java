package dev.idic.stages.tiers;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import dev.idic.stages.contract.IdicErrors;
import dev.idic.stages.contract.RunContext;
import dev.idic.stages.contract.Stage;
import dev.idic.stages.contract.StageReport;
import dev.idic.stages.settings.TierSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Stages {@code customer_tiers}: value tiers on predicted CLV (from the models stage) or on
 * historical net spend, as configured.
 */
public final class TiersStage implements Stage {

  public static final String OUTPUT = "customer_tiers";

  @Override
  public String name() {
    return "tiers";
  }

  @Override
  public StageReport run(RunContext context) {
    TierSettings settings = context.settings().tiers();
    Dataset<Row> valuesDF = basisValues(context, settings.basis());
    String basisName = settings.basis().name().toLowerCase(java.util.Locale.ROOT);
    String valuesPath = context.paths().staged("tier_basis");
    valuesDF.write().mode(SaveMode.Overwrite).parquet(valuesPath);
    Dataset<Row> storedDF = context.spark().read().parquet(valuesPath);
    Row totals =
        storedDF.agg(org.apache.spark.sql.functions.count("*"), sum("basis_value")).first();
    long customers = totals.getLong(0);
    double total = totals.isNullAt(1) ? 0.0 : totals.getDouble(1);

    TierAssignment.assign(storedDF, settings, basisName, customers, total)
        .orderBy("value_rank")
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(context.paths().staged(OUTPUT));

    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("rows_in", customers);
    counts.put("rows_out", customers);
    return new StageReport(
        counts, Map.of("tier_basis", basisName, "basis_total", total), java.util.List.of());
  }

  private static Dataset<Row> basisValues(RunContext context, TierSettings.TierBasis basis) {
    if (basis == TierSettings.TierBasis.HISTORICAL_SPEND) {
      return context
          .spark()
          .read()
          .parquet(context.paths().staged("customer_features"))
          .select(col("customer_id"), col("total_spend").as("basis_value"));
    }
    String scores = context.paths().staged("customer_scores");
    if (!exists(context, scores)) {
      throw IdicErrors.inputRejected(
          "tiers stage, staged table customer_scores at " + scores,
          "tiers.basis is predicted_clv but the models stage produced no customer_scores",
          "enable the models stage, or set tiers.basis: historical_spend");
    }
    return context
        .spark()
        .read()
        .parquet(scores)
        .select(col("customer_id"), col("clv").as("basis_value"));
  }

  private static boolean exists(RunContext context, String path) {
    try {
      Path p = new Path(path);
      return p.getFileSystem(context.spark().sparkContext().hadoopConfiguration()).exists(p);
    } catch (java.io.IOException e) {
      throw IdicErrors.runFailed(
          "tiers stage, staged table " + path,
          "cannot check whether it exists: " + e.getMessage(),
          "check that the warehouse is reachable",
          e);
    }
  }
}
