package dev.idic.stages.contract;

import java.time.LocalDate;

/**
 * Where a run's tables live: the one place that builds their paths. Staged tables sit under the
 * warehouse (same file system, so publish can rename them into place) in a folder of their own that
 * readers of the warehouse ignore; published ones in {@code <warehouse>/<table>/as_of_date=D}.
 */
public record RunPaths(String warehouse, LocalDate asOfDate) {

  public RunPaths {
    warehouse =
        warehouse.endsWith("/") ? warehouse.substring(0, warehouse.length() - 1) : warehouse;
  }

  /** The partition folder name of the run's as-of date. */
  public String partition() {
    return Table.PARTITION_COLUMN + "=" + asOfDate;
  }

  /** Folder of the run's staged (unpublished) tables. */
  public String stagingRoot() {
    return warehouse + "/_staging/" + partition();
  }

  /** A table staged for later stages of this run. */
  public String staged(Table table) {
    return stagingRoot() + "/" + table.name();
  }

  /** A table a stage writes and reads back within itself. */
  public String scratch(String stage, String name) {
    return stagingRoot() + "/_" + stage + "/" + name;
  }

  /** A table as publish stages it, complete, before it is renamed into the warehouse. */
  public String publishing(String folder) {
    return stagingRoot() + "/publish/" + folder;
  }

  /** The published partition of a table for this run's as-of date. */
  public String published(Table table) {
    return published(table.name());
  }

  /** The published partition of a warehouse folder (a table or its CSV copy). */
  public String published(String folder) {
    return warehouse + "/" + folder + "/" + partition();
  }

  /** The run manifest of this as-of date. */
  public String manifest() {
    return warehouse + "/_manifests/" + partition() + "/manifest.json";
  }
}
