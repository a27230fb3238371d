package dev.idic.stages.models;

import dev.idic.model.ModelFit;
import dev.idic.stages.contract.Tables;
import dev.idic.stages.settings.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/** The {@code model_fit} table: one row per fitted parameter. */
public final class ModelFitTable {

  /** Columns, types and nullability as {@code schemas/output/model_fit.json} declares them. */
  public static final StructType SCHEMA = Tables.MODEL_FIT.contract().sparkSchema();

  private ModelFitTable() {}

  /**
   * Rows of the table; a standard error that does not exist (singular Hessian) is null, and so is
   * the warning of a fit without any.
   */
  public static List<Row> rows(List<ModelFit<?>> fits, TimeUnit timeUnit) {
    List<Row> rows = new ArrayList<>();
    for (ModelFit<?> fit : fits) {
      for (int k = 0; k < fit.estimates().length; k++) {
        double se = fit.standardErrors()[k];
        rows.add(
            RowFactory.create(
                fit.modelName(),
                fit.parameterNames().get(k),
                fit.estimates()[k],
                Double.isFinite(se) ? se : null,
                fit.logLikelihood(),
                Math.round(fit.customers()),
                (long) fit.patterns(),
                fit.iterations(),
                fit.converged(),
                fit.atBoundary(),
                fit.fitSeconds(),
                fit.penalizer(),
                timeUnit.name().toLowerCase(Locale.ROOT),
                fit.warnings().isEmpty() ? null : String.join("; ", fit.warnings()),
                fit.degenerate()));
      }
    }
    return rows;
  }

  public static Dataset<Row> of(SparkSession spark, List<ModelFit<?>> fits, TimeUnit timeUnit) {
    return spark.createDataFrame(rows(fits, timeUnit), SCHEMA);
  }
}
