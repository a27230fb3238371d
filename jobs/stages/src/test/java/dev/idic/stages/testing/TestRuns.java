package dev.idic.stages.testing;

import dev.idic.stages.contract.RunContext;
import dev.idic.stages.contract.RunPaths;
import dev.idic.stages.settings.ContactSettings;
import dev.idic.stages.settings.InputSource;
import dev.idic.stages.settings.ModelSettings;
import dev.idic.stages.settings.PipelineSettings;
import dev.idic.stages.settings.RfmSettings;
import dev.idic.stages.settings.TierSettings;
import dev.idic.stages.settings.TimeUnit;
import dev.idic.stages.settings.ValidationSettings;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Run contexts for stage tests, on the shared local session and a temporary warehouse. */
public final class TestRuns {

  private TestRuns() {}

  public static InputSource csv(Path path) {
    return new InputSource(path.toString(), "csv", true, ",", List.of(), Map.of(), null, null);
  }

  /** CDNOW_sample.txt as the issue describes it: whitespace-separated, no header, yyyyMMdd. */
  public static InputSource cdnowSample(Path path) {
    return new InputSource(
        path.toString(),
        "whitespace",
        false,
        null,
        List.of("master_id", "sample_id", "date", "number_of_cds", "dollar_value"),
        Map.of(
            "customer_id",
            "sample_id",
            "ts",
            "date",
            "amount",
            "dollar_value",
            "quantity",
            "number_of_cds"),
        "yyyyMMdd",
        null);
  }

  public static PipelineSettings settings(
      InputSource transactions, TimeUnit unit, Path warehouse, TierSettings tiers) {
    return new PipelineSettings(
        ZoneId.of("UTC"),
        unit,
        warehouse.toUri().toString(),
        transactions,
        null,
        null,
        null,
        0.05,
        RfmSettings.quintiles(),
        tiers,
        ModelSettings.defaults(),
        ContactSettings.defaults(),
        ValidationSettings.OFF);
  }

  public static RunContext context(PipelineSettings settings, LocalDate asOf) {
    return new RunContext(
        LocalSpark.session(), asOf, settings, new RunPaths(settings.warehouse(), asOf));
  }

  public static RunContext context(
      InputSource transactions, TimeUnit unit, Path warehouse, LocalDate asOf) {
    return context(
        settings(
            transactions,
            unit,
            warehouse,
            new TierSettings(TierSettings.TierBasis.HISTORICAL_SPEND, 0.05, 0.15, 0.50)),
        asOf);
  }

  /** The same settings with the holdout backtest set. */
  public static PipelineSettings withValidation(PipelineSettings s, ValidationSettings validation) {
    return new PipelineSettings(
        s.timeZone(),
        s.timeUnit(),
        s.warehouse(),
        s.transactions(),
        s.interactions(),
        s.customers(),
        s.walletEstimates(),
        s.maxRejectRatio(),
        s.rfm(),
        s.tiers(),
        s.models(),
        s.contact(),
        validation);
  }
}
