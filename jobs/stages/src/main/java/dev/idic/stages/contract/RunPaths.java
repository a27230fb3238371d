package dev.idic.stages.contract;

import java.time.LocalDate;

/**
 * Where a run's tables live. Staged tables sit under the warehouse (same file system, so publish
 * can rename them into place) in a folder of their own that readers of the warehouse ignore.
 */
public record RunPaths(String warehouse, LocalDate asOfDate) {

  public RunPaths {
    warehouse =
        warehouse.endsWith("/") ? warehouse.substring(0, warehouse.length() - 1) : warehouse;
  }

  /** Folder of the run's staged (unpublished) tables. */
  public String stagingRoot() {
    return warehouse + "/_staging/as_of_date=" + asOfDate;
  }

  /** A table staged by an earlier stage of this run. */
  public String staged(String table) {
    return stagingRoot() + "/" + table;
  }

  /** The published partition of a table for this run's as-of date. */
  public String published(String table) {
    return warehouse + "/" + table + "/as_of_date=" + asOfDate;
  }
}
