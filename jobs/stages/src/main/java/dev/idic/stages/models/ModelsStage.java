package dev.idic.stages.models;

import dev.idic.model.ClvSettings;
import dev.idic.model.CustomerScorer;
import dev.idic.model.ModelFit;
import dev.idic.model.ModelFitException;
import dev.idic.stages.contract.Dataflow;
import dev.idic.stages.contract.IdicErrors;
import dev.idic.stages.contract.RunContext;
import dev.idic.stages.contract.Stage;
import dev.idic.stages.contract.StageIo;
import dev.idic.stages.contract.StageReport;
import dev.idic.stages.contract.StagedTables;
import dev.idic.stages.contract.Tables;
import dev.idic.stages.settings.ModelSettings;
import dev.idic.stages.settings.TimeUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Stages {@code customer_scores} and {@code model_fit}: compresses {@code customer_features} to
 * distinct patterns in Spark, fits the configured purchase model and Gamma-Gamma on the driver, and
 * scores every customer on the executors. A fit that does not converge or ends on a boundary fails
 * the stage when {@link ModelSettings#failOnNonConvergence()} is set, else it is a warning in the
 * report. Data a model cannot be fitted on (no repeat buyers, a degenerate history) rejects the
 * input: the same data gives the same fit, so a retry could never succeed.
 */
public final class ModelsStage implements Stage {

  @Override
  public StageReport run(RunContext context) {
    StagedTables tables = context.tables(this);
    // Patterns, spend patterns, the excluded count and the scores each read the features: kept in
    // memory (one row per customer) they are read from their files once.
    Dataset<Row> featuresDF =
        tables.read(Tables.CUSTOMER_FEATURES).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return run(context, tables, featuresDF);
    } finally {
      featuresDF.unpersist();
    }
  }

  private StageReport run(RunContext context, StagedTables tables, Dataset<Row> featuresDF) {
    ModelSettings settings = context.settings().models();
    TimeUnit unit = context.settings().timeUnit();

    List<Row> purchasePatterns = ModelInputs.purchasePatterns(featuresDF).collectAsList();
    List<Row> spendPatterns = ModelInputs.spendPatterns(featuresDF).collectAsList();
    long excludedRepeatBuyers = ModelInputs.excludedRepeatBuyers(featuresDF).count();
    ModelsInputCheck.requireFittable(
        context, purchasePatterns, spendPatterns, excludedRepeatBuyers);
    FittedModels fits = fit(context, purchasePatterns, spendPatterns, settings);
    List<String> warnings = checkFits(context, fits, settings);
    if (excludedRepeatBuyers > 0) {
      warnings.add(
          excludedRepeatBuyers
              + " repeat buyers with a non-positive mean repeat value (net returns) were left out"
              + " of the Gamma-Gamma fit; their expected value per purchase is shrunk from a mean of"
              + " 0 towards the population mean");
    }

    tables.write(Tables.MODEL_FIT, ModelFitTable.of(context.spark(), fits.all(), unit).coalesce(1));
    CustomerScorer scorer =
        new CustomerScorer(
            fits.purchase().model(),
            fits.spend().model(),
            new ClvSettings(
                settings.horizonMonths(), settings.discountRateMonthly(), periodsPerMonth(unit)));
    long scored =
        tables
            .writeCounted(Tables.CUSTOMER_SCORES, CustomerScoring.score(featuresDF, scorer))
            .rows();
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("customers", Math.round(fits.purchase().customers()));
    counts.put("purchase_patterns", (long) fits.purchase().patterns());
    counts.put("repeat_buyers_fitted", Math.round(fits.spend().customers()));
    counts.put("spend_patterns", (long) fits.spend().patterns());
    counts.put("repeat_buyers_excluded", excludedRepeatBuyers);
    counts.put("scored", scored);
    return new StageReport(counts, details(fits), warnings);
  }

  /**
   * Fits the models; a fit that runs out of its time budget rejects the input like a fit that does
   * not converge: a rerun gives the optimizer the same data and the same budget.
   */
  private static FittedModels fit(
      RunContext context,
      List<Row> purchasePatterns,
      List<Row> spendPatterns,
      ModelSettings settings) {
    try {
      return FittedModels.fit(purchasePatterns, spendPatterns, settings);
    } catch (ModelFitException e) {
      throw IdicErrors.inputRejected(
          ModelsInputCheck.where(context, "fits"),
          e.getMessage(),
          "a rerun would stall the same way: change models.penalizer or models.purchase_model as"
              + " suggested",
          e);
    }
  }

  /** Periods of the model time unit per month, as lifetimes uses them for CLV. */
  static double periodsPerMonth(TimeUnit unit) {
    return switch (unit) {
      case DAYS -> ClvSettings.DAYS_PER_MONTH;
      case WEEKS -> ClvSettings.WEEKS_PER_MONTH;
    };
  }

  private static List<String> checkFits(
      RunContext context, FittedModels fits, ModelSettings settings) {
    List<String> warnings = new ArrayList<>();
    for (ModelFit<?> fit : fits.all()) {
      // A usable fit may still be degenerate (P(alive) nearly constant, say): its warnings are
      // reported too, for the console, the manifest and the quality gate.
      if (!fit.usable() && settings.failOnNonConvergence()) {
        try {
          fit.requireUsable();
        } catch (ModelFitException e) {
          throw IdicErrors.inputRejected(
              ModelsInputCheck.where(context, fit.modelName()),
              e.getMessage(),
              "fix the data, or set models.fail_on_non_convergence: false to publish the fit with"
                  + " a warning",
              e);
        }
      }
      fit.warnings().forEach(w -> warnings.add(fit.modelName() + ": " + w));
    }
    if (!fits.spend().model().hasFiniteMean()) {
      throw IdicErrors.inputRejected(
          ModelsInputCheck.where(context, fits.spend().modelName()),
          "the fit has q = "
              + fits.spend().model().q()
              + " <= 1, so the mean spend of customers without repeat purchases is infinite and"
              + " no CLV can be computed",
          "check monetary_value in customer_features (and the amounts in the transactions) for"
              + " extreme outliers");
    }
    return warnings;
  }

  private static Map<String, Object> details(FittedModels fits) {
    Map<String, Object> details = new LinkedHashMap<>();
    for (ModelFit<?> fit : fits.all()) {
      String prefix = fit.modelName() + ".";
      for (int k = 0; k < fit.estimates().length; k++) {
        details.put(prefix + fit.parameterNames().get(k), fit.estimates()[k]);
      }
      details.put(prefix + "log_likelihood", fit.logLikelihood());
      details.put(prefix + "iterations", fit.iterations());
      details.put(prefix + "status", fit.status().name());
      details.put(prefix + "converged", fit.converged());
      details.put(prefix + "at_boundary", fit.atBoundary());
      details.put(prefix + "fit_seconds", fit.fitSeconds());
      details.put(prefix + "penalizer", fit.penalizer());
    }
    return details;
  }

  @Override
  public StageIo io() {
    return Dataflow.MODELS;
  }
}
