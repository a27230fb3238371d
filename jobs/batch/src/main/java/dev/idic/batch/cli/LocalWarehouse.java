package dev.idic.batch.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** The folder of a warehouse on the local file system, given as a path or a {@code file:} URI. */
final class LocalWarehouse {

  private LocalWarehouse() {}

  /** Empty for a remote warehouse (hdfs:, s3a:, ...). */
  static Optional<Path> folder(String warehouse) {
    if (warehouse.startsWith("file:")) {
      return Optional.of(Path.of(URI.create(warehouse)));
    }
    if (warehouse.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*")) {
      return Optional.empty();
    }
    return Optional.of(Path.of(warehouse));
  }
}
