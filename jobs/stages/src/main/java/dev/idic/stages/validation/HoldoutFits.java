package dev.idic.stages.validation;

import dev.idic.model.GammaGammaModel;
import dev.idic.model.ModelFit;
import dev.idic.model.ModelFitException;
import dev.idic.model.PurchaseModel;
import dev.idic.model.PurchasePatterns;
import dev.idic.stages.models.FittedModels;
import dev.idic.stages.models.ModelInputs;
import dev.idic.stages.settings.ModelSettings;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The models fitted on the calibration period the way the models stage fits them (same compressed
 * patterns, same settings): the configured purchase model first, the other purchase model beside it
 * for comparison (on at most {@link #COMPARISON_MAX_PATTERNS} patterns), and Gamma-Gamma.
 *
 * @param purchase purchase model fits, the configured one first
 * @param spend the Gamma-Gamma fit
 * @param warnings why a comparison model is missing
 */
public record HoldoutFits(
    List<ModelFit<? extends PurchaseModel>> purchase,
    ModelFit<GammaGammaModel> spend,
    List<String> warnings) {

  /**
   * Patterns the comparison model is fitted on at most. It is there to compare with, and its fit
   * costs one likelihood term per pattern per evaluation: on daily histories of hundreds of
   * thousands of customers Pareto/NBD would take minutes; an even subsample of this size takes
   * seconds and estimates the same parameters with a sampling error far below what the comparison
   * needs.
   */
  static final int COMPARISON_MAX_PATTERNS = 20_000;

  public HoldoutFits {
    purchase = List.copyOf(purchase);
    warnings = List.copyOf(warnings);
  }

  /**
   * @param calibrationDF rows of {@link HoldoutCustomers#from}
   * @throws IllegalArgumentException when the calibration period has no customers or no repeat
   *     buyers to fit on
   * @throws ModelFitException when the configured purchase model cannot be fitted
   */
  public static HoldoutFits fit(Dataset<Row> calibrationDF, ModelSettings settings) {
    List<Row> purchasePatterns = ModelInputs.purchasePatterns(calibrationDF).collectAsList();
    List<Row> spendPatterns = ModelInputs.spendPatterns(calibrationDF).collectAsList();
    if (purchasePatterns.isEmpty() || spendPatterns.isEmpty()) {
      throw new IllegalArgumentException(
          purchasePatterns.isEmpty()
              ? "the calibration period has no customers"
              : "the calibration period has no repeat buyers with a positive mean repeat value");
    }
    FittedModels configured = FittedModels.fit(purchasePatterns, spendPatterns, settings);
    List<ModelFit<? extends PurchaseModel>> purchase = new ArrayList<>();
    purchase.add(configured.purchase());
    List<String> warnings = new ArrayList<>();
    ModelSettings.PurchaseModel other =
        settings.purchaseModel() == ModelSettings.PurchaseModel.BGNBD
            ? ModelSettings.PurchaseModel.PARETO_NBD
            : ModelSettings.PurchaseModel.BGNBD;
    try {
      PurchasePatterns all = FittedModels.purchasePatterns(purchasePatterns);
      PurchasePatterns sample = all.evenSample(COMPARISON_MAX_PATTERNS);
      if (sample != all) {
        warnings.add(
            "the comparison model "
                + other
                + " was fitted on an even subsample of "
                + sample.size()
                + " of the "
                + all.size()
                + " calibration purchase patterns, to bound the night's cost; its figures"
                + " still cover every customer");
      }
      purchase.add(FittedModels.purchaseFit(sample, withModel(settings, other)));
    } catch (ModelFitException | IllegalArgumentException e) {
      // The comparison model is extra information; its failure must not stop the night.
      warnings.add("the comparison model " + other + " could not be fitted: " + e.getMessage());
    }
    return new HoldoutFits(purchase, configured.spend(), warnings);
  }

  /** The configured purchase model's fit: the one the quality gate judges. */
  public ModelFit<? extends PurchaseModel> configured() {
    return purchase.get(0);
  }

  private static ModelSettings withModel(ModelSettings s, ModelSettings.PurchaseModel model) {
    return new ModelSettings(
        model,
        s.horizonMonths(),
        s.discountRateMonthly(),
        s.penalizer(),
        s.failOnNonConvergence(),
        s.maxFitSeconds());
  }
}
