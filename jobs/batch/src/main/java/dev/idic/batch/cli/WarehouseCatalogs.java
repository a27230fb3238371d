package dev.idic.batch.cli;

import dev.idic.batch.config.IdicConfig;
import dev.idic.stages.contract.IdicErrors;
import dev.idic.stages.publish.WarehouseCatalog;

/** The catalogue of the configured warehouse, for the commands that query or rebuild it. */
final class WarehouseCatalogs {

  private WarehouseCatalogs() {}

  static WarehouseCatalog of(IdicConfig config) {
    String warehouse = config.pipeline().warehouse();
    return LocalWarehouse.folder(warehouse)
        .map(WarehouseCatalog::new)
        .orElseThrow(
            () ->
                IdicErrors.environment(
                    "warehouse " + warehouse,
                    "the SQL catalogue (idic.duckdb) needs a warehouse on the local file system",
                    "query the Parquet tables with a Spark or DuckDB of your own (DuckDB reads"
                        + " s3:// through its httpfs extension)",
                    null));
  }
}
