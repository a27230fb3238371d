package dev.idic.batch.cli;

import dev.idic.stages.contract.IdicErrors;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks before a run that a local warehouse folder can be written, so that an unwritable path is
 * refused at start with exit code 5 and one message, instead of failing inside the first Spark
 * write. Remote warehouses (hdfs:, s3a:, ...) are left to the stages: checking them needs the
 * cluster's Hadoop configuration.
 */
final class WritableWarehouse {

  private WritableWarehouse() {}

  static void require(String warehouse) {
    Optional<Path> local = LocalWarehouse.folder(warehouse);
    if (local.isEmpty()) {
      return;
    }
    Path folder = local.get();
    try {
      Files.createDirectories(folder);
      Files.delete(Files.createTempFile(folder, ".idic-write-check", ""));
    } catch (IOException | RuntimeException e) {
      throw IdicErrors.environment(
          "warehouse " + folder,
          "Cannot write to the warehouse (" + reason(e) + ")",
          "make the folder writable for this user, or point warehouse (or IDIC_WAREHOUSE) at a"
              + " writable folder; nothing was run",
          e);
    }
  }

  /** Names what the file system refused: for an IOException its kind says more than the path. */
  private static String reason(Exception e) {
    String kind =
        e instanceof FileAlreadyExistsException
            ? "a file is in the way"
            : e instanceof AccessDeniedException
                ? "permission denied"
                : e instanceof NotDirectoryException ? "not a folder" : null;
    if (kind != null) {
      return kind + ": " + e.getMessage();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
