package dev.idic.stages.contract;

import java.io.IOException;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * A stage's access to the run's staged tables, limited to what its {@link StageIo} declares: a read
 * or write of any other table is a bug and fails at once, so {@link Dataflow} stays true.
 */
public record StagedTables(SparkSession spark, RunPaths paths, StageIo io) {

  /** A table the stage cannot run without, or one it wrote itself earlier in this run. */
  public Dataset<Row> read(Table table) {
    require(io.reads().contains(table) || io.writes().contains(table), "reads", table);
    String path = paths.staged(table);
    if (!exists(path)) {
      throw IdicErrors.runFailed(
          "step " + io.stage() + ", staged table " + table.name() + " at " + path,
          "the table is missing, so an earlier step of this as-of date did not complete",
          "run the night again: it restarts at the first step that has not completed; with"
              + " --force every step runs again");
    }
    return spark.read().parquet(path);
  }

  /** A table the stage uses when an earlier stage produced it. */
  public Optional<Dataset<Row>> readIfStaged(Table table) {
    require(io.allReads().contains(table), "reads", table);
    String path = paths.staged(table);
    return exists(path) ? Optional.of(spark.read().parquet(path)) : Optional.empty();
  }

  /**
   * Stages a table, replacing what an earlier attempt staged, and returns it as read back: later
   * work on it starts from the files instead of re-running the plan that made them.
   */
  public Dataset<Row> write(Table table, Dataset<Row> tableDF) {
    require(io.writes().contains(table), "writes", table);
    return writeAndReadBack(paths.staged(table), tableDF);
  }

  /**
   * As {@link #write}, with the rows written counted while they are written, so the count costs no
   * pass over the files.
   */
  public Staged writeCounted(Table table, Dataset<Row> tableDF) {
    Observation rows = new Observation("staged_rows_" + table.name());
    Dataset<Row> stagedDF =
        write(table, tableDF.observe(rows, functions.count(functions.lit(1)).as("rows")));
    try {
      return new Staged(stagedDF, ((Number) rows.getAsJava().get("rows")).longValue());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while counting " + table.name(), e);
    }
  }

  /** A staged table as read back, and how many rows were written. */
  public record Staged(Dataset<Row> df, long rows) {}

  /** Where to stage a declared table that the stage writes in parts (appends). */
  public String pathToWrite(Table table) {
    require(io.writes().contains(table), "writes", table);
    return paths.staged(table);
  }

  /** Stages an intermediate table only this stage reads, and returns it as read back. */
  public Dataset<Row> scratch(String name, Dataset<Row> tableDF) {
    return writeAndReadBack(paths.scratch(io.stage(), name), tableDF);
  }

  /**
   * How staged tables are written. A staged table lives one night and is read back by a step or
   * two: Parquet's dictionary pages cost more CPU to build than they save there (on unique ids they
   * are built and then dropped), so they are off; published tables keep Parquet's defaults for
   * their many readers.
   */
  public static DataFrameWriter<Row> writer(Dataset<Row> tableDF) {
    return tableDF.write().option("parquet.enable.dictionary", "false");
  }

  private Dataset<Row> writeAndReadBack(String path, Dataset<Row> tableDF) {
    writer(tableDF).mode(SaveMode.Overwrite).parquet(path);
    return spark.read().parquet(path);
  }

  private void require(boolean declared, String access, Table table) {
    if (!declared) {
      throw new IllegalStateException(
          "Stage '"
              + io.stage()
              + "' "
              + access
              + " "
              + table.name()
              + " but Dataflow does not declare that; add it to its StageIo in Dataflow");
    }
  }

  private boolean exists(String path) {
    Path hadoopPath = new Path(path);
    try {
      return hadoopPath
          .getFileSystem(spark.sparkContext().hadoopConfiguration())
          .exists(hadoopPath);
    } catch (IOException e) {
      throw IdicErrors.runFailed(
          "step " + io.stage() + ", staged table at " + path,
          "cannot check whether it exists: " + e.getMessage(),
          "check that the warehouse is reachable",
          e);
    }
  }
}
