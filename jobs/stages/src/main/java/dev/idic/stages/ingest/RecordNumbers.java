package dev.idic.stages.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.shiftright;
import static org.apache.spark.sql.functions.sum;

import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Numbers the records of each source file in input order: record 1 is the first data record the
 * reader returns (the header and blank lines are not records; a row the reader could not split is
 * one). The reader keeps no line numbers, so the number is computed from the rows' positions in
 * their read partitions, which follow the file's byte order.
 */
final class RecordNumbers {

  /** The record number within its {@code source_file}, from 1. */
  static final String RECORD = "_record";

  private static final String POSITION = "_position";
  private static final String PARTITION = "_read_partition";
  private static final String FIRST = "_partition_first";
  private static final String BEFORE = "_rows_before";

  private RecordNumbers() {}

  /**
   * The rows that {@code select} keeps of {@code rawDF}, with {@value #RECORD}. Positions are taken
   * before {@code select} runs, so that the numbers count every row of the file; counting rows per
   * read partition is one small aggregate over the input.
   */
  static Dataset<Row> numbered(Dataset<Row> rawDF, UnaryOperator<Dataset<Row>> select) {
    Dataset<Row> positionedDF =
        rawDF
            .withColumn(POSITION, monotonically_increasing_id())
            .withColumn(PARTITION, shiftright(col(POSITION), 33));
    Dataset<Row> partitionsDF =
        positionedDF
            .groupBy(RawInputReader.SOURCE_FILE, PARTITION)
            .agg(min(POSITION).as(FIRST), count(lit(1)).as("_rows"))
            .withColumn(
                BEFORE,
                coalesce(
                    sum("_rows")
                        .over(
                            Window.partitionBy(RawInputReader.SOURCE_FILE)
                                .orderBy(PARTITION)
                                .rowsBetween(Window.unboundedPreceding(), -1)),
                    lit(0L)))
            .drop("_rows");
    return select
        .apply(positionedDF)
        .join(broadcast(partitionsDF), new String[] {RawInputReader.SOURCE_FILE, PARTITION})
        .withColumn(RECORD, col(BEFORE).plus(col(POSITION)).minus(col(FIRST)).plus(1))
        .drop(POSITION, PARTITION, FIRST, BEFORE);
  }
}
