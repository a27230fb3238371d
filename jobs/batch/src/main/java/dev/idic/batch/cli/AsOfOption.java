package dev.idic.batch.cli;

import dev.idic.batch.config.IdicConfig;
import java.time.Clock;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** The {@code --as-of} option of commands that run one night, defaulting to yesterday. */
final class AsOfOption {

  @Option(
      names = "--as-of",
      paramLabel = "YYYY-MM-DD",
      description = "As-of date. Default: yesterday in the configured time zone.")
  LocalDate date;

  /** The given date, else yesterday in the configured zone: what a nightly scheduler wants. */
  LocalDate resolve(IdicConfig config, Clock clock) {
    return date != null
        ? date
        : LocalDate.now(clock.withZone(config.pipeline().timeZone())).minusDays(1);
  }
}
