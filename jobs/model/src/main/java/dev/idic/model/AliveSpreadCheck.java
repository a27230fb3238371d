package dev.idic.model;

import java.util.Locale;

/**
 * The {@link FitDegeneracy.Kind#P_ALIVE_NEARLY_CONSTANT} rule: a purchase model whose P(alive) is
 * at least 1/2 for all but under 1% of the repeat buyers' weight cannot rank anybody as at risk.
 * One-time buyers are left out because BG/NBD gives them P(alive) = 1 by construction.
 */
final class AliveSpreadCheck {

  /** Below this P(alive) a customer is more likely inactive than active. */
  private static final double LIKELY_INACTIVE = 0.5;

  /** The share of repeat buyers likely inactive under which P(alive) is called nearly constant. */
  private static final double MIN_SHARE_LIKELY_INACTIVE = 0.01;

  private AliveSpreadCheck() {}

  static <M extends PurchaseModel> ModelFit<M> apply(ModelFit<M> fit, PurchasePatterns patterns) {
    double repeatBuyers = 0;
    double likelyInactive = 0;
    double lowest = 1.0;
    for (int i = 0; i < patterns.size(); i++) {
      if (patterns.frequency(i) == 0) {
        continue;
      }
      double alive =
          fit.model().probabilityAlive(patterns.frequency(i), patterns.recency(i), patterns.age(i));
      repeatBuyers += patterns.weight(i);
      likelyInactive += alive < LIKELY_INACTIVE ? patterns.weight(i) : 0.0;
      lowest = Math.min(lowest, alive);
    }
    if (repeatBuyers == 0 || likelyInactive >= MIN_SHARE_LIKELY_INACTIVE * repeatBuyers) {
      return fit;
    }
    String reason =
        String.format(
            Locale.ROOT,
            "P(alive) is nearly constant: only %.2f%% of the repeat buyers have P(alive) below %.1f"
                + " (lowest %.3f), so the model sees almost nobody as inactive",
            100 * likelyInactive / repeatBuyers,
            LIKELY_INACTIVE,
            lowest);
    return fit.withDegeneracy(
        new FitDegeneracy(FitDegeneracy.Kind.P_ALIVE_NEARLY_CONSTANT, reason));
  }
}
