package dev.idic.batch.config;

import static dev.idic.batch.config.SectionContext.orDefault;

import dev.idic.stages.settings.TierSettings;
import java.util.Locale;

/** The {@code tiers} section; a key left out keeps its value of {@link TierSettings#DEFAULTS}. */
final class TiersSection extends Section<RawConfig.Tiers, TierSettings> {

  TiersSection(SectionContext context) {
    super(context, TierSettings.DEFAULTS);
  }

  @Override
  protected TierSettings fromFile(RawConfig.Tiers raw, TierSettings defaults) {
    TierSettings tiers =
        new TierSettings(
            orDefault(raw.basis(), defaults.basis()),
            orDefault(raw.vipShare(), defaults.vipShare()),
            orDefault(raw.keyShare(), defaults.keyShare()),
            orDefault(raw.regularShare(), defaults.regularShare()));
    context.requireRange("tiers.vip_share", tiers.vipShare(), 0.0, 1.0);
    context.requireRange("tiers.key_share", tiers.keyShare(), 0.0, 1.0);
    context.requireRange("tiers.regular_share", tiers.regularShare(), 0.0, 1.0);
    double sum = tiers.vipShare() + tiers.keyShare() + tiers.regularShare();
    if (sum > 1.0 + 1e-9) {
      throw context.invalid(
          "tiers",
          String.format(
              Locale.ROOT,
              "vip_share + key_share + regular_share = %.4g + %.4g + %.4g = %.4g, more than 1"
                  + " (small gets the rest, so the three must not exceed 100%% of customers)",
              tiers.vipShare(),
              tiers.keyShare(),
              tiers.regularShare(),
              sum),
          "lower the shares so they add up to at most 1, for example 0.05, 0.15, 0.50");
    }
    return tiers;
  }
}
