package dev.idic.batch.config;

import static dev.idic.batch.config.SectionContext.orDefault;

/** The top-level {@code max_reject_ratio}: how many bad input rows the ingest stage tolerates. */
final class RejectRatioSection {

  /** Share of an input's rows that may be quarantined before the run is refused. */
  static final double DEFAULT_MAX_REJECT_RATIO = 0.05;

  private final SectionContext context;

  RejectRatioSection(SectionContext context) {
    this.context = context;
  }

  double maxRejectRatio(RawConfig raw) {
    double ratio = orDefault(raw.maxRejectRatio(), DEFAULT_MAX_REJECT_RATIO);
    context.requireRange("max_reject_ratio", ratio, 0.0, 1.0);
    return ratio;
  }
}
