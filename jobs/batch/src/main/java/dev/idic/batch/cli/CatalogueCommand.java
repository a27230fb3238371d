package dev.idic.batch.cli;

import dev.idic.stages.contract.ExitCode;
import dev.idic.stages.publish.CatalogedTable;
import dev.idic.stages.publish.WarehouseCatalog;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code idic catalogue}: rebuilds the warehouse catalogue from the partitions in the warehouse.
 * Every publish does it; this is for a warehouse published by the spark-submit jar, which leaves
 * the DuckDB driver out.
 */
@Command(
    name = "catalogue",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuilds the SQL catalogue <warehouse>/idic.duckdb from the published partitions.",
      "Every night's publish does it; run it for a warehouse a cluster published."
    })
final class CatalogueCommand implements Callable<Integer> {

  @Mixin ConfOption conf;

  @ParentCommand IdicCli root;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    WarehouseCatalog catalog = WarehouseCatalogs.of(root.loadConfig(conf.file));
    List<CatalogedTable> tables = catalog.rebuild();
    PrintWriter out = spec.commandLine().getOut();
    long viewed = tables.stream().filter(table -> table.latest().isPresent()).count();
    out.printf(
        "Catalogue %s rebuilt: %d of %d tables have a complete night.%n",
        catalog.file(), viewed, tables.size());
    for (CatalogedTable table : tables) {
      out.printf(
          "  %-26s %s%n",
          table.name(),
          table
              .latest()
              .map(latest -> table.nights().size() + " nights, latest " + latest)
              .orElse("no complete night yet (no view)"));
    }
    return ExitCode.OK.code();
  }
}
