package dev.idic.stages.settings;

import dev.idic.model.FitOptions;

/**
 * The purchase and spend models of the models stage.
 *
 * @param purchaseModel BG/NBD (default) or Pareto/NBD
 * @param horizonMonths months ahead for expected purchases, P(no purchase) and CLV
 * @param discountRateMonthly monthly discount rate of the CLV sum
 * @param penalizer L2 penalty coefficient on the purchase model's parameters (time-scaled, as in
 *     lifetimes: mean negative log-likelihood + penalizer times the sum of squared parameters), 0
 *     for plain maximum likelihood
 * @param failOnNonConvergence fail the run when a fit does not converge (else warn in the manifest)
 * @param maxFitSeconds wall-time budget of each fit; a fit that runs out of it rejects the input
 */
public record ModelSettings(
    PurchaseModel purchaseModel,
    int horizonMonths,
    double discountRateMonthly,
    double penalizer,
    boolean failOnNonConvergence,
    double maxFitSeconds) {

  /**
   * BG/NBD, 12 months, 1% a month, no penalty, failing on non-convergence, 300 s per fit: the one
   * statement of these defaults ({@code conf/idic.yaml} is tested against it).
   */
  public static final ModelSettings DEFAULTS =
      new ModelSettings(PurchaseModel.BGNBD, 12, 0.01, 0.0, true, FitOptions.DEFAULT_MAX_SECONDS);

  public static ModelSettings defaults() {
    return DEFAULTS;
  }

  /** The repeat-purchase model. */
  public enum PurchaseModel {
    BGNBD,
    PARETO_NBD
  }
}
