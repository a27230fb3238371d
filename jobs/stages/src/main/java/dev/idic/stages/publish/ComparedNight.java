package dev.idic.stages.publish;

import dev.idic.stages.contract.IdicErrors;
import dev.idic.stages.contract.Table;
import dev.idic.stages.contract.Tables;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The published night a night's migration compares with: the latest complete {@code
 * customer_profile} partition (one with its {@code _SUCCESS} marker) on or before a date.
 */
final class ComparedNight {

  private ComparedNight() {}

  /** The latest complete night on or before {@code latest}, empty when there is none. */
  static Optional<LocalDate> find(FileSystem fileSystem, String warehouse, LocalDate latest) {
    Path profile = new Path(warehouse, Tables.CUSTOMER_PROFILE.name());
    String prefix = Table.PARTITION_COLUMN + "=";
    try {
      if (!fileSystem.exists(profile)) {
        return Optional.empty();
      }
      LocalDate found = null;
      for (FileStatus status : fileSystem.listStatus(profile)) {
        String name = status.getPath().getName();
        if (!status.isDirectory() || !name.startsWith(prefix)) {
          continue;
        }
        LocalDate night = parse(name.substring(prefix.length()));
        if (night != null
            && !night.isAfter(latest)
            && (found == null || night.isAfter(found))
            && fileSystem.exists(new Path(status.getPath(), "_SUCCESS"))) {
          found = night;
        }
      }
      return Optional.ofNullable(found);
    } catch (IOException e) {
      throw IdicErrors.runFailed(
          "warehouse " + warehouse,
          "cannot list the published nights of " + profile + ": " + e.getMessage(),
          "check that the warehouse is reachable",
          e);
    }
  }

  private static LocalDate parse(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
