package dev.idic.stages.ingest;

import static dev.idic.stages.ingest.RowValidator.DETAIL;
import static dev.idic.stages.ingest.RowValidator.PENDING;
import static dev.idic.stages.ingest.RowValidator.RAW;
import static dev.idic.stages.ingest.RowValidator.REASON;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import dev.idic.stages.contract.TableContract;
import dev.idic.stages.settings.InputSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;

/**
 * The checks that need more than one row: a key that occurs more than once. See {@link
 * RowValidator} for how the ingest stage combines them with the row checks.
 */
final class KeyChecks {

  private static final String REPEATED_KEY = "_repeated_key";

  private final TableContract contract;
  private final InputSource source;
  private final ColumnValues values;

  KeyChecks(TableContract contract, InputSource source, ColumnValues values) {
    this.contract = contract;
    this.source = source;
    this.values = values;
  }

  /** Derives the key when the source has none: a hash of the row, numbered among exact copies. */
  Dataset<Row> withDerivedKey(Dataset<Row> validatedDF, Set<String> available) {
    String key = contract.key();
    if (key == null || available.contains(source.sourceColumn(key))) {
      return validatedDF;
    }
    Column content = to_json(col(RAW));
    Column hash = sha2(concat_ws("\u001f", col("source_file"), content), 256);
    WindowSpec sameRow = Window.partitionBy(hash).orderBy(hash);
    return validatedDF.withColumn(
        key, concat(substring(hash, 1, 20), lit("-"), row_number().over(sameRow).cast("string")));
  }

  /** See {@link RowValidator#repeatedKeys}. */
  Dataset<Row> repeatedKeys(Dataset<Row> rawDF) {
    Column key = sourceKey(rawDF);
    if (key == null) {
      return null;
    }
    return rawDF
        .where(key.isNotNull())
        .select(xxhash64(key).as(REPEATED_KEY))
        .groupBy(REPEATED_KEY)
        .agg(count(lit(1)).as("_n"))
        .where(col("_n").gt(1))
        .select(REPEATED_KEY);
  }

  /**
   * See {@link RowValidator#withRepeatedKey}. The rows get their {@link RecordNumbers#RECORD}, for
   * the key checks to keep the earliest.
   */
  Dataset<Row> withRepeatedKey(Dataset<Row> rawDF, Dataset<Row> repeatedKeysDF) {
    UnaryOperator<Dataset<Row>> repeated =
        inputDF ->
            inputDF.join(
                broadcast(repeatedKeysDF),
                xxhash64(sourceKey(inputDF)).equalTo(col(REPEATED_KEY)),
                "left_semi");
    // Text inputs come numbered by their reader; Spark's readers (jsonl, Parquet) do not number.
    return Arrays.asList(rawDF.columns()).contains(RecordNumbers.RECORD)
        ? repeated.apply(rawDF)
        : RecordNumbers.numbered(rawDF, repeated);
  }

  /** See {@link RowValidator#withPendingFlag}. */
  Dataset<Row> withPendingFlag(Dataset<Row> validatedDF, Dataset<Row> repeatedKeysDF) {
    if (repeatedKeysDF == null) {
      return validatedDF.withColumn(PENDING, lit(false));
    }
    return validatedDF
        .join(
            broadcast(repeatedKeysDF),
            xxhash64(validatedDF.col(contract.key())).equalTo(col(REPEATED_KEY)),
            "left")
        .withColumn(PENDING, col(REASON).isNull().and(col(REPEATED_KEY).isNotNull()))
        .drop(REPEATED_KEY);
  }

  /** The contract value of the key, computed from the source column as validation computes it. */
  private Column sourceKey(Dataset<Row> rawDF) {
    String key = contract.key();
    if (key == null) {
      return null;
    }
    String sourceName = source.sourceColumn(key);
    if (!Arrays.asList(rawDF.columns()).contains(sourceName)) {
      return null;
    }
    DataType rawType = rawDF.schema().apply(sourceName).dataType();
    Column raw = col(sourceName);
    Column text = rawType instanceof StringType ? ColumnValues.trimmed(raw) : null;
    return values.parse(contract.column(key).orElseThrow(), raw, text, rawType);
  }

  /**
   * See {@link RowValidator#withKeyChecks}: a window per key over the accepted rows. The earliest
   * row of a key, by source file path and then {@link RecordNumbers#RECORD record number}, is kept;
   * a later row with the same content (contract values after parsing, plus the source columns no
   * contract column reads) is a duplicate, one with other content conflicts.
   */
  Dataset<Row> withDuplicatesFlagged(Dataset<Row> validatedDF) {
    String key = contract.key();
    Column accepted = col(REASON).isNull();
    WindowSpec earliestFirst =
        Window.partitionBy(col(key), accepted)
            .orderBy(col("source_file"), col(RecordNumbers.RECORD));
    Dataset<Row> checkedDF =
        validatedDF
            .withColumn("_content", content(validatedDF))
            .withColumn("_ordinal", row_number().over(earliestFirst))
            .withColumn("_kept_content", first(col("_content")).over(earliestFirst))
            .withColumn("_kept_file", first(col("source_file")).over(earliestFirst))
            .withColumn("_kept_record", first(col(RecordNumbers.RECORD)).over(earliestFirst))
            .withColumn("_kept_line", first(col(RowValidator.LINE)).over(earliestFirst));
    Column later = accepted.and(col("_ordinal").gt(1));
    Column duplicate = later.and(col("_content").equalTo(col("_kept_content")));
    Column conflicting = later.and(col("_content").notEqual(col("_kept_content")));
    Column keptRecord =
        when(col("_kept_line").isNotNull(), concat(lit("line "), col("_kept_line").cast("string")))
            .otherwise(concat(lit("record "), col("_kept_record").cast("string")));
    Column kept = concat(keptRecord, lit(" of "), col("_kept_file"), lit(", which is kept"));
    // The detail first: its conditions read the reason the row checks left, which the new reason
    // replaces (set after it, the detail saw no accepted row and stayed null).
    return checkedDF
        .withColumn(
            DETAIL,
            when(
                    conflicting,
                    concat(
                        lit(key + " '"), col(key), lit("' with other content is also on "), kept))
                .when(
                    duplicate,
                    concat(lit(key + " '"), col(key), lit("' is an exact copy of "), kept))
                .otherwise(col(DETAIL)))
        .withColumn(
            REASON,
            when(conflicting, lit(QuarantineReason.conflicting(key)))
                .when(duplicate, lit(QuarantineReason.duplicate(key)))
                .otherwise(col(REASON)))
        .drop(
            "_content",
            "_ordinal",
            "_kept_content",
            "_kept_file",
            "_kept_record",
            "_kept_line",
            RecordNumbers.RECORD);
  }

  /** What a row says: its contract values and the source columns no contract column reads. */
  private Column content(Dataset<Row> validatedDF) {
    Set<String> read = new HashSet<>();
    contract.columnNames().forEach(name -> read.add(source.sourceColumn(name)));
    List<Column> parts = new ArrayList<>();
    contract.columnNames().forEach(name -> parts.add(col(name)));
    StructType raw = (StructType) validatedDF.schema().apply(RAW).dataType();
    for (String field : raw.fieldNames()) {
      if (!read.contains(field)) {
        parts.add(col(RAW + "." + field).as("_raw_" + field));
      }
    }
    return to_json(struct(parts.toArray(Column[]::new)));
  }
}
