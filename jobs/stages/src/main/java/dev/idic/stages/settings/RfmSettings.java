package dev.idic.stages.settings;

import java.util.List;

/**
 * RFM scoring. Scores are quintiles 1..5 (5 best) unless custom cut points are given: four
 * ascending cut points per metric, in the metric's own unit (days, purchases, currency).
 *
 * @param recencyCutsDays cut points on days since last purchase (smaller is better)
 * @param frequencyCuts cut points on number of purchase days
 * @param monetaryCuts cut points on total net spend
 */
public record RfmSettings(
    List<Double> recencyCutsDays, List<Double> frequencyCuts, List<Double> monetaryCuts) {

  public RfmSettings {
    recencyCutsDays = recencyCutsDays == null ? List.of() : List.copyOf(recencyCutsDays);
    frequencyCuts = frequencyCuts == null ? List.of() : List.copyOf(frequencyCuts);
    monetaryCuts = monetaryCuts == null ? List.of() : List.copyOf(monetaryCuts);
  }

  /** Quintile scores, no custom cut points. */
  public static final RfmSettings DEFAULTS = new RfmSettings(List.of(), List.of(), List.of());

  public static RfmSettings quintiles() {
    return DEFAULTS;
  }
}
