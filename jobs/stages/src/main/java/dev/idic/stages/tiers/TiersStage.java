package dev.idic.stages.tiers;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;

import dev.idic.stages.contract.Dataflow;
import dev.idic.stages.contract.IdicErrors;
import dev.idic.stages.contract.RunContext;
import dev.idic.stages.contract.Stage;
import dev.idic.stages.contract.StageIo;
import dev.idic.stages.contract.StageReport;
import dev.idic.stages.contract.StagedTables;
import dev.idic.stages.contract.Tables;
import dev.idic.stages.settings.TierSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Stages {@code customer_tiers}: value tiers on predicted CLV (from the models stage) or on
 * historical net spend, as configured.
 */
public final class TiersStage implements Stage {

  @Override
  public StageReport run(RunContext context) {
    TierSettings settings = context.settings().tiers();
    StagedTables tables = context.tables(this);
    String basisName = settings.basis().name().toLowerCase(Locale.ROOT);
    Dataset<Row> valuesDF = tables.scratch("tier_basis", basisValues(tables, settings.basis()));
    Row totals = valuesDF.agg(count("*"), sum("basis_value")).first();
    long customers = totals.getLong(0);
    double total = totals.isNullAt(1) ? 0.0 : totals.getDouble(1);

    tables.write(
        Tables.CUSTOMER_TIERS,
        TierAssignment.assign(valuesDF, settings, basisName, customers, total)
            .orderBy("value_rank"));

    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("rows_in", customers);
    counts.put("rows_out", customers);
    return new StageReport(
        counts, Map.of("tier_basis", basisName, "basis_total", total), List.of());
  }

  private static Dataset<Row> basisValues(StagedTables tables, TierSettings.TierBasis basis) {
    if (basis == TierSettings.TierBasis.HISTORICAL_SPEND) {
      return tables
          .read(Tables.CUSTOMER_FEATURES)
          .select(col("customer_id"), col("total_spend").as("basis_value"));
    }
    return tables
        .readIfStaged(Tables.CUSTOMER_SCORES)
        .orElseThrow(
            () ->
                IdicErrors.inputRejected(
                    "tiers stage, staged table customer_scores",
                    "tiers.basis is predicted_clv but the models stage produced no"
                        + " customer_scores",
                    "enable the models stage, or set tiers.basis: historical_spend"))
        .select(col("customer_id"), col("clv").as("basis_value"));
  }

  @Override
  public StageIo io() {
    return Dataflow.TIERS;
  }
}
