package dev.idic.batch.cli;

import dev.idic.batch.config.IdicConfig;
import dev.idic.stages.contract.IdicErrors;
import dev.idic.stages.contract.Table;
import dev.idic.stages.contract.Tables;
import dev.idic.stages.settings.HistorySettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/**
 * The {@code --compare-to} option of {@code run}: the published night the tier and segment
 * migration compares with, instead of {@code history.compare_to}.
 */
final class CompareToOption {

  @Option(
      names = "--compare-to",
      paramLabel = "YYYY-MM-DD",
      description = {
        "Compare tiers and segments with the published night of this date instead of the one"
            + " history.compare_to picks.",
        "With a date already done, add --force to run it again."
      })
  LocalDate night;

  /**
   * The configuration with the chosen night, checked now where the warehouse is local: a missing
   * night is refused before Spark starts rather than at publish.
   */
  IdicConfig apply(IdicConfig config, LocalDate asOfDate) {
    if (night == null) {
      return config;
    }
    if (!night.isBefore(asOfDate)) {
      throw IdicErrors.invalidConfiguration(
          "--compare-to " + night,
          "the compared night must be before the as-of date " + asOfDate,
          "give an earlier date, or leave --compare-to out");
    }
    String warehouse = config.pipeline().warehouse();
    LocalWarehouse.folder(warehouse)
        .map(folder -> profileMarker(folder, night))
        .filter(marker -> !Files.exists(marker))
        .ifPresent(
            marker -> {
              throw IdicErrors.invalidConfiguration(
                  "--compare-to " + night,
                  "the warehouse " + warehouse + " has no complete published night of that date",
                  "name the as-of date of a night that completed ("
                      + marker
                      + " exists), or"
                      + " leave --compare-to out to compare with the latest earlier night");
            });
    return new IdicConfig(
        config.source(),
        config.workDir(),
        config.spark(),
        config.jobRepository(),
        config.pipeline().withHistory(HistorySettings.onNight(night)));
  }

  private static Path profileMarker(Path warehouse, LocalDate night) {
    return warehouse
        .resolve(Tables.CUSTOMER_PROFILE.name())
        .resolve(Table.PARTITION_COLUMN + "=" + night)
        .resolve("_SUCCESS");
  }
}
