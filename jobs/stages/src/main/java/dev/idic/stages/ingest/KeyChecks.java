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
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import dev.idic.stages.contract.TableContract;
import dev.idic.stages.settings.InputSource;
import java.util.Arrays;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StringType;

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

  /** See {@link RowValidator#withRepeatedKey}. */
  Dataset<Row> withRepeatedKey(Dataset<Row> rawDF, Dataset<Row> repeatedKeysDF) {
    return rawDF.join(
        broadcast(repeatedKeysDF),
        xxhash64(sourceKey(rawDF)).equalTo(col(REPEATED_KEY)),
        "left_semi");
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

  /** See {@link RowValidator#withKeyChecks}: a window per key over the accepted rows. */
  Dataset<Row> withDuplicatesFlagged(Dataset<Row> validatedDF) {
    String key = contract.key();
    Column content = to_json(col(RAW));
    Column accepted = col(REASON).isNull();
    WindowSpec byKey = Window.partitionBy(col(key), accepted);
    WindowSpec byKeyOrdered = byKey.orderBy(col("source_file"), content);
    Dataset<Row> checkedDF =
        validatedDF
            .withColumn("_content", content)
            .withColumn("_copies", count(lit(1)).over(byKey))
            .withColumn("_first_content", first(col("_content")).over(byKeyOrdered))
            .withColumn(
                "_variants",
                count(when(col("_content").notEqual(col("_first_content")), 1)).over(byKey))
            .withColumn("_ordinal", row_number().over(byKeyOrdered));
    Column conflicting = accepted.and(col("_variants").gt(0));
    Column duplicate = accepted.and(col("_variants").equalTo(0)).and(col("_ordinal").gt(1));
    return checkedDF
        .withColumn(
            REASON,
            when(conflicting, lit(QuarantineReason.conflicting(key)))
                .when(duplicate, lit(QuarantineReason.duplicate(key)))
                .otherwise(col(REASON)))
        .withColumn(
            DETAIL,
            when(
                    conflicting,
                    concat(
                        lit(key + " '"),
                        col(key),
                        lit("' appears in "),
                        col("_copies").cast("string"),
                        lit(" rows with different content; none is trusted")))
                .when(
                    duplicate,
                    concat(lit("exact copy of another row with " + key + " '"), col(key), lit("'")))
                .otherwise(col(DETAIL)))
        .drop("_content", "_copies", "_first_content", "_variants", "_ordinal");
  }
}
