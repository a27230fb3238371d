package dev.idic.stages.publish;

import dev.idic.stages.contract.RunContext;
import dev.idic.stages.contract.RunPaths;
import dev.idic.stages.contract.Table;
import dev.idic.stages.lists.ListRank;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
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
 * Parquet and, for a spreadsheet or a CRM import, as one CSV file {@code <list>.csv} in the
 * partition of {@code <list>_csv} ({@link ListCsv}), with the same rows.
 */
final class PublishedTables {

  private final RunContext context;
  private final String horizon;
  private final Map<String, Long> rows = new LinkedHashMap<>();
  private final List<String> folders = new ArrayList<>();
  private final Dataset<Row> customersDF;

  /**
   * @param customersDF the accepted customers input, whose attributes the list CSVs carry; null
   *     when the night has none
   */
  PublishedTables(RunContext context, Dataset<Row> customersDF) {
    this.context = context;
    this.horizon = context.settings().models().horizonMonths() + "m";
    this.customersDF = customersDF;
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
      writeCsv(table, writtenDF, new Path(paths.publishing(csv)));
      folders.add(csv);
    }
    return writtenDF;
  }

  /**
   * Writes the list as {@code <folder>/<list>.csv}: Spark writes the lines as one text file (UTF-8)
   * in one sorted task beside the folder, then the file is renamed to the name a marketer looks
   * for.
   */
  private void writeCsv(Table table, Dataset<Row> listDF, Path folder) {
    Path lines = new Path(folder.getParent(), "." + folder.getName() + ".lines");
    ListCsv.lines(listDF, table.contract(), customersDF)
        .repartition(1)
        .sortWithinPartitions(ListRank.COLUMN)
        .select(ListCsv.LINE)
        .write()
        .mode(SaveMode.Overwrite)
        .text(lines.toString());
    FileSystem fs = fileSystem();
    try {
      FileStatus[] parts = fs.globStatus(new Path(lines, "part-*"));
      if (parts == null || parts.length != 1) {
        throw new IllegalStateException(
            "expected one text file in " + lines + ", found " + (parts == null ? 0 : parts.length));
      }
      fs.delete(folder, true);
      fs.mkdirs(folder);
      Path file = new Path(folder, table.name() + ".csv");
      if (!fs.rename(parts[0].getPath(), file)) {
        throw new IOException("Rename of " + parts[0].getPath() + " to " + file + " failed");
      }
      fs.delete(lines, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + table.name() + ".csv in " + folder, e);
    }
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
