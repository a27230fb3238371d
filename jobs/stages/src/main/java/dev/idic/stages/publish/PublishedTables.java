package dev.idic.stages.publish;

import dev.idic.stages.contract.RunContext;
import dev.idic.stages.contract.RunPaths;
import dev.idic.stages.contract.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * The tables of one night on their way into the warehouse: each is checked against its contract and
 * written into the run's publishing folder ({@link #write}), then all of them are swapped into
 * their {@code as_of_date=D} partitions ({@link #swap}). Marketer lists are written twice: as
 * Parquet and, for people who open them in a spreadsheet, as one CSV file with a header.
 */
final class PublishedTables {

  private final RunContext context;
  private final String horizon;
  private final Map<String, Long> rows = new LinkedHashMap<>();
  private final List<String> folders = new ArrayList<>();

  PublishedTables(RunContext context) {
    this.context = context;
    this.horizon = context.settings().models().horizonMonths() + "m";
  }

  /**
   * Checks and writes one table; fails when it breaks its contract.
   *
   * @return the table as written, read back from the publishing folder
   */
  Dataset<Row> write(Table table, Dataset<Row> tableDF) {
    RunPaths paths = context.paths();
    String parquet = paths.publishing(table.name());
    // The non-null check counts while the table is written: no pass of its own.
    Observation values = new Observation();
    ContractCheck.observeValues(
            ContractCheck.conform(tableDF, table.contract(), horizon),
            table.contract(),
            horizon,
            values)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(parquet);
    rows.put(table.name(), ContractCheck.requireObservedValues(values, table.contract()));
    Dataset<Row> writtenDF = context.spark().read().parquet(parquet);
    folders.add(table.name());
    if (table.publication() == Table.Publication.PARQUET_AND_CSV) {
      String csv = table.name() + "_csv";
      writtenDF
          .coalesce(1)
          .write()
          .mode(SaveMode.Overwrite)
          .option("header", "true")
          .csv(paths.publishing(csv));
      folders.add(csv);
    }
    return writtenDF;
  }

  /** Replaces the partition of every table written, one after the other. */
  void swap() {
    RunPaths paths = context.paths();
    PartitionPublisher publisher = new PartitionPublisher(fileSystem());
    for (String folder : folders) {
      publisher.publish(new Path(paths.published(folder)), new Path(paths.publishing(folder)));
    }
  }

  /** The warehouse's file system. */
  FileSystem fileSystem() {
    try {
      return new Path(context.paths().warehouse())
          .getFileSystem(context.spark().sparkContext().hadoopConfiguration());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the warehouse " + context.paths().warehouse(), e);
    }
  }

  /** Rows of each table written, by table name. */
  Map<String, Long> rows() {
    return rows;
  }

  /** The folders written: the tables and their CSV twins. */
  List<String> folders() {
    return List.copyOf(folders);
  }
}
