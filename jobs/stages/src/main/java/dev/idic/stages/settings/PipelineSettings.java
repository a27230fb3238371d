package dev.idic.stages.settings;

import java.time.ZoneId;

/**
 * Everything a run's stages need to know, bound from the YAML configuration by the batch layer.
 * Optional inputs are null when not configured.
 *
 * @param timeZone zone of local timestamps and of the as-of day boundaries
 * @param timeUnit unit of the model inputs
 * @param warehouse root URI of the published tables
 * @param transactions the required transactions input
 * @param interactions optional interactions input
 * @param customers optional customers input
 * @param walletEstimates optional wallet estimates input
 * @param maxRejectRatio share of quarantined input rows above which the run fails
 * @param rfm RFM scoring settings
 * @param tiers value tier settings
 * @param models model settings
 * @param contact contact cadence per tier and the interaction analytics' rules
 * @param validation the nightly holdout backtest and its quality gate
 * @param history which earlier night the tier and segment migration compares with
 */
public record PipelineSettings(
    ZoneId timeZone,
    TimeUnit timeUnit,
    String warehouse,
    InputSource transactions,
    InputSource interactions,
    InputSource customers,
    InputSource walletEstimates,
    double maxRejectRatio,
    RfmSettings rfm,
    TierSettings tiers,
    ModelSettings models,
    ContactSettings contact,
    ValidationSettings validation,
    HistorySettings history) {

  /** With the default history setting: compare with the latest earlier night. */
  public PipelineSettings(
      ZoneId timeZone,
      TimeUnit timeUnit,
      String warehouse,
      InputSource transactions,
      InputSource interactions,
      InputSource customers,
      InputSource walletEstimates,
      double maxRejectRatio,
      RfmSettings rfm,
      TierSettings tiers,
      ModelSettings models,
      ContactSettings contact,
      ValidationSettings validation) {
    this(
        timeZone,
        timeUnit,
        warehouse,
        transactions,
        interactions,
        customers,
        walletEstimates,
        maxRejectRatio,
        rfm,
        tiers,
        models,
        contact,
        validation,
        HistorySettings.PREVIOUS);
  }

  /** These settings reading other inputs (the demo's generated files). */
  public PipelineSettings withInputs(
      InputSource transactions,
      InputSource interactions,
      InputSource customers,
      InputSource walletEstimates) {
    return new PipelineSettings(
        timeZone,
        timeUnit,
        warehouse,
        transactions,
        interactions,
        customers,
        walletEstimates,
        maxRejectRatio,
        rfm,
        tiers,
        models,
        contact,
        validation,
        history);
  }

  /** These settings comparing with {@code other} history (the CLI's {@code --compare-to}). */
  public PipelineSettings withHistory(HistorySettings other) {
    return new PipelineSettings(
        timeZone,
        timeUnit,
        warehouse,
        transactions,
        interactions,
        customers,
        walletEstimates,
        maxRejectRatio,
        rfm,
        tiers,
        models,
        contact,
        validation,
        other);
  }
}
