package dev.idic.batch.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --conf} option every command that reads the configuration shares. */
final class ConfOption {

  @Option(
      names = "--conf",
      paramLabel = "FILE",
      description =
          "Configuration file (YAML). Default: $IDIC_CONF, else conf/idic.yaml of the installation.")
  Path file;
}
