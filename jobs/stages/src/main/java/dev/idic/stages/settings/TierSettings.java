package dev.idic.stages.settings;

/**
 * How customers are ranked into value tiers. Shares are fractions of customers, taken from the top
 * of the ranking; Small is everyone left.
 *
 * @param basis what customers are ranked by
 * @param vipShare top share that is VIP
 * @param keyShare next share that is Key (VIP + Key = the top 20% by default)
 * @param regularShare next share that is Regular
 */
public record TierSettings(TierBasis basis, double vipShare, double keyShare, double regularShare) {

  /**
   * Predicted CLV, VIP 5%, Key 15%, Regular 50%: the one statement of these defaults ({@code
   * conf/idic.yaml} is tested against it).
   */
  public static final TierSettings DEFAULTS =
      new TierSettings(TierBasis.PREDICTED_CLV, 0.05, 0.15, 0.50);

  public static TierSettings defaults() {
    return DEFAULTS;
  }

  /** The customer value a tier ranking is built on. */
  public enum TierBasis {
    PREDICTED_CLV,
    HISTORICAL_SPEND
  }
}
