package dev.idic.batch.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks before a run that a local warehouse folder can be written, so that an unwritable path is
 * refused at start with exit code 5 and one message, instead of failing inside the first Spark
 * write. Remote warehouses (hdfs:, s3a:, ...) are left to the stages: checking them needs the
 * cluster's Hadoop configuration.
 */
final class WritableWarehouse {

  private WritableWarehouse() {}

  static void require(String warehouse) {
    Path folder;
    if (warehouse.startsWith("file:")) {
      folder = Path.of(URI.create(warehouse));
    } else if (warehouse.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*")) {
      return;
    } else {
      folder = Path.of(warehouse);
    }
    try {
      Files.createDirectories(folder);
      Files.delete(Files.createTempFile(folder, ".idic-write-check", ""));
    } catch (IOException | RuntimeException e) {
      throw new UncheckedIOException(
          "Cannot write to the warehouse "
              + folder
              + " ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + "). Make the folder writable for this user, or point warehouse (or IDIC_WAREHOUSE)"
              + " at a writable folder. Nothing was run.",
          e instanceof IOException io ? io : new IOException(e));
    }
  }
}
