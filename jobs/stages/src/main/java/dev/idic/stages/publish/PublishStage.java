package dev.idic.stages.publish;

import static org.apache.spark.sql.functions.col;

import dev.idic.stages.contract.Dataflow;
import dev.idic.stages.contract.RunContext;
import dev.idic.stages.contract.RunPaths;
import dev.idic.stages.contract.Stage;
import dev.idic.stages.contract.StageIo;
import dev.idic.stages.contract.StageReport;
import dev.idic.stages.contract.StagedTables;
import dev.idic.stages.contract.Table;
import dev.idic.stages.contract.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Assembles the published tables from what the earlier stages staged, checks each against its
 * contract, writes them into the run's staging folder, then swaps each into its {@code
 * as_of_date=D} partition with {@link PartitionPublisher}, then rebuilds the warehouse's SQL
 * catalogue ({@link WarehouseCatalog}). Marketer lists are published twice: as Parquet and, for
 * people who open them in a spreadsheet, as one CSV file with a header.
 *
 * <p>The run's staging folder is left in place: a process killed after the swaps but before the job
 * repository recorded this step restarts publish, which then needs the staged tables again. The
 * batch layer removes the folder once the whole job has completed.
 */
public final class PublishStage implements Stage {

  @Override
  public StageReport run(RunContext context) {
    StagedTables staged = context.tables(this);
    Map<Table, Dataset<Row>> tables = new LinkedHashMap<>();

    Dataset<Row> tiersDF = staged.read(Tables.CUSTOMER_TIERS);
    Dataset<Row> profileDF =
        CustomerProfile.assemble(
            staged.read(Tables.CUSTOMER_FEATURES),
            Arrays.asList(
                staged.readIfStaged(Tables.CUSTOMER_SCORES).orElse(null),
                tiersDF,
                staged.readIfStaged(Tables.CUSTOMER_ENGAGEMENT).orElse(null)));
    // Sorted within each file, not globally: a global sort would sample the four-way join once
    // more for its ranges, and row groups sorted by customer_id already let readers skip by id.
    tables.put(Tables.CUSTOMER_PROFILE, profileDF.sortWithinPartitions(col("customer_id")));
    tables.put(Tables.TOP_CUSTOMERS, CustomerProfile.topCustomers(profileDF));
    tables.put(Tables.TIER_SUMMARY, ValueSummaries.tierSummary(profileDF));
    tables.put(Tables.SEGMENT_SUMMARY, ValueSummaries.segmentSummary(profileDF));
    tables.put(Tables.VALUE_CONCENTRATION, ValueSummaries.valueConcentration(tiersDF));
    // Every other published table is one an earlier stage staged: it passes through when present.
    for (Table table : io().optionalReads()) {
      if (table.published()) {
        staged.readIfStaged(table).ifPresent(df -> tables.put(table, df));
      }
    }

    String horizon = context.settings().models().horizonMonths() + "m";
    RunPaths paths = context.paths();
    Map<String, Long> counts = new LinkedHashMap<>();
    List<String> published = new ArrayList<>();
    for (Map.Entry<Table, Dataset<Row>> entry : tables.entrySet()) {
      Table table = entry.getKey();
      String parquet = paths.publishing(table.name());
      ContractCheck.conform(entry.getValue(), table.contract(), horizon)
          .write()
          .mode(SaveMode.Overwrite)
          .parquet(parquet);
      Dataset<Row> writtenDF = context.spark().read().parquet(parquet);
      counts.put(table.name(), ContractCheck.requireValues(writtenDF, table.contract(), horizon));
      published.add(table.name());
      if (table.publication() == Table.Publication.PARQUET_AND_CSV) {
        String csv = table.name() + "_csv";
        writtenDF
            .coalesce(1)
            .write()
            .mode(SaveMode.Overwrite)
            .option("header", "true")
            .csv(paths.publishing(csv));
        published.add(csv);
      }
    }

    FileSystem warehouse = fileSystem(context);
    PartitionPublisher publisher = new PartitionPublisher(warehouse);
    for (String folder : published) {
      publisher.publish(new Path(paths.published(folder)), new Path(paths.publishing(folder)));
    }
    // Once every partition of the night is in place, so its _latest views all show this night.
    WarehouseCatalog.of(warehouse, paths.warehouse()).ifPresent(WarehouseCatalog::rebuild);

    Map<String, Long> report = new LinkedHashMap<>();
    report.put("rows_in", counts.get(Tables.CUSTOMER_PROFILE.name()));
    report.put("rows_out", counts.values().stream().mapToLong(Long::longValue).sum());
    report.putAll(counts);
    return new StageReport(report, Map.of("tables", published), List.of());
  }

  private static FileSystem fileSystem(RunContext context) {
    try {
      return new Path(context.paths().warehouse())
          .getFileSystem(context.spark().sparkContext().hadoopConfiguration());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the warehouse " + context.paths().warehouse(), e);
    }
  }

  @Override
  public StageIo io() {
    return Dataflow.PUBLISH;
  }
}
