package dev.idic.batch.config;

import dev.idic.stages.settings.RfmSettings;
import java.util.List;

/** The {@code rfm} section: quintiles ({@link RfmSettings#DEFAULTS}) or four cut points. */
final class RfmSection extends Section<RawConfig.Rfm, RfmSettings> {

  RfmSection(SectionContext context) {
    super(context, RfmSettings.DEFAULTS);
  }

  @Override
  protected RfmSettings fromFile(RawConfig.Rfm raw, RfmSettings defaults) {
    return new RfmSettings(
        cuts("rfm.recency_cuts_days", raw.recencyCutsDays()),
        cuts("rfm.frequency_cuts", raw.frequencyCuts()),
        cuts("rfm.monetary_cuts", raw.monetaryCuts()));
  }

  private List<Double> cuts(String key, List<Double> cuts) {
    if (cuts == null || cuts.isEmpty()) {
      return List.of();
    }
    boolean ascending = true;
    for (int i = 1; i < cuts.size(); i++) {
      ascending &= cuts.get(i - 1) != null && cuts.get(i) != null && cuts.get(i - 1) < cuts.get(i);
    }
    if (cuts.size() != 4 || !ascending || cuts.contains(null)) {
      throw context.invalid(
          key,
          "custom cut points must be exactly four strictly ascending numbers, got " + cuts,
          "give four values such as [30, 90, 180, 365], or remove the key to use quintiles");
    }
    return cuts;
  }
}
