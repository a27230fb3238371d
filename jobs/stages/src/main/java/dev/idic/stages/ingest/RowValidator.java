package dev.idic.stages.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.btrim;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.to_utc_timestamp;
import static org.apache.spark.sql.functions.try_to_timestamp;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import dev.idic.stages.contract.ColumnContract;
import dev.idic.stages.contract.InputException;
import dev.idic.stages.contract.TableContract;
import dev.idic.stages.settings.InputSource;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Turns a raw input into contract columns and decides, for every row, whether it is accepted or why
 * it is quarantined. The result keeps every input row: accepted rows have a null {@value #REASON}.
 * Checks run in a fixed order and the first failing one names the reason: malformed row, encoding,
 * then per contract column missing and invalid values, then the as-of cut-off, then key duplicates.
 *
 * <p>Normalisation that is not a rejection: text is stripped of surrounding white space, values of
 * closed sets are lower-cased, amounts are rounded half-up to cents.
 */
public final class RowValidator {

  public static final String REASON = "_reason";
  public static final String DETAIL = "_detail";
  public static final String RAW = "_raw";

  /** A time of day followed by an offset: such values are instants and ignore the zone setting. */
  private static final String HAS_OFFSET =
      "\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?\\s*(Z|[+-]\\d{2}(:?\\d{2})?)$";

  private static final String THOUSANDS = "^[+-]?\\d{1,3}([,']\\d{3})+(\\.\\d+)?$";

  /** What Java's {@code \\s} matches: trimmed from both ends of text values. */
  private static final String WHITE_SPACE = " \t\n\u000B\f\r";

  /** The identity on strings, which Catalyst may neither inline nor push filters through. */
  private static final UserDefinedFunction OPTIMIZER_BARRIER =
      udf((UDF1<String, String>) value -> value, DataTypes.StringType).asNondeterministic();

  private static final String TEXT = "_text_";
  private static final String PRESENT = "_present_";
  private static final String VALUE = "_value_";
  private static final String REPEATED_KEY = "_repeated_key";

  /** Set by {@link #withPendingFlag}: the row awaits the key checks. */
  public static final String PENDING = "_pending";

  private final TableContract contract;
  private final InputSource source;
  private final ZoneId zone;
  private final LocalDate asOfDate;

  public RowValidator(TableContract contract, InputSource source, ZoneId zone, LocalDate asOfDate) {
    this.contract = contract;
    this.source = source;
    this.zone = zone;
    this.asOfDate = asOfDate;
  }

  /**
   * The row checks of {@code rawDF} (the output of {@link RawInputReader}): everything but key
   * duplicates, which {@link #withKeyChecks} adds. Returns the contract columns, {@code
   * source_file}, {@value #REASON}, {@value #DETAIL} and {@value #RAW} (the source row as a struct,
   * for the quarantine record). A key the source does not have is derived here.
   */
  public Dataset<Row> validateRows(Dataset<Row> rawDF) {
    List<String> sourceColumns = sourceColumns(rawDF);
    requireMappedColumns(rawDF, sourceColumns);
    Set<String> available = new HashSet<>(sourceColumns);
    List<ColumnContract> mapped =
        contract.columns().stream()
            .filter(c -> available.contains(source.sourceColumn(c.name())))
            .toList();

    // Spark shares a subexpression only when every branch evaluates it, and each check below is a
    // branch of its own; so the trimmed text and the parsed value of every column are computed
    // once, in projections of their own, and the checks only refer to them.
    List<Column> texts = new ArrayList<>(List.of(col("*")));
    for (ColumnContract column : mapped) {
      String sourceName = source.sourceColumn(column.name());
      if (rawDF.schema().apply(sourceName).dataType() instanceof StringType) {
        texts.add(btrim(col(sourceName), lit(WHITE_SPACE)).as(TEXT + column.name()));
      }
    }
    Dataset<Row> textDF = rawDF.select(texts.toArray(Column[]::new));

    List<Column> values = new ArrayList<>(List.of(col("*")));
    for (ColumnContract column : mapped) {
      String sourceName = source.sourceColumn(column.name());
      DataType rawType = rawDF.schema().apply(sourceName).dataType();
      Column text = rawType instanceof StringType ? col(TEXT + column.name()) : null;
      Column present =
          text == null ? col(sourceName).isNotNull() : text.isNotNull().and(text.notEqual(lit("")));
      values.add(present.as(PRESENT + column.name()));
      values.add(parse(column, col(sourceName), text, rawType).as(VALUE + column.name()));
    }
    Dataset<Row> valueDF = textDF.select(values.toArray(Column[]::new));

    List<Column> reasons = new ArrayList<>();
    List<Column> details = new ArrayList<>();
    Column malformed = col(RawInputReader.MALFORMED).isNotNull();
    reasons.add(when(malformed, lit(QuarantineReason.MALFORMED_ROW)));
    details.add(
        when(malformed, concat(lit("cannot split into columns: "), col(RawInputReader.MALFORMED))));
    Column badEncoding = badEncoding(rawDF, sourceColumns);
    reasons.add(when(badEncoding, lit(QuarantineReason.INVALID_ENCODING)));
    details.add(when(badEncoding, lit("text contains bytes invalid in " + source.encoding())));
    for (ColumnContract column : mapped) {
      String sourceName = source.sourceColumn(column.name());
      Column present = col(PRESENT + column.name());
      if (column.required()) {
        reasons.add(when(present.unary_$bang(), lit(QuarantineReason.missing(column.name()))));
        details.add(when(present.unary_$bang(), lit("column " + sourceName + " is empty")));
      }
      Column invalid = present.and(valid(column, col(VALUE + column.name())).unary_$bang());
      reasons.add(when(invalid, lit(QuarantineReason.invalid(column.name()))));
      details.add(
          when(
              invalid,
              concat(
                  lit("column " + sourceName + ": '"),
                  col(sourceName).cast("string"),
                  lit("' " + expectation(column)))));
    }
    // Callers filter on the reason; pushed below these projections, the filter would inline every
    // check and its parts into one expression too large for code generation, which Spark then
    // interprets row by row (ten times slower). The opaque identity keeps the filter above.
    Dataset<Row> reasonDF =
        valueDF.select(
            col("*"), OPTIMIZER_BARRIER.apply(coalesce(reasons.toArray(Column[]::new))).as(REASON));

    List<Column> out = new ArrayList<>();
    for (ColumnContract column : contract.columns()) {
      out.add(
          available.contains(source.sourceColumn(column.name()))
              ? col(VALUE + column.name()).as(column.name())
              : lit(null).cast(column.type()).as(column.name()));
    }
    out.add(col(RawInputReader.SOURCE_FILE).as("source_file"));
    out.add(col(REASON));
    // Only rejected rows need the words; accepted rows skip building them.
    out.add(when(col(REASON).isNotNull(), coalesce(details.toArray(Column[]::new))).as(DETAIL));
    out.add(rawStruct(sourceColumns).as(RAW));
    return withDerivedKey(withAsOfCutoff(reasonDF.select(out.toArray(Column[]::new))), available);
  }

  /** Rows after the end of the as-of day belong to a later night's run. */
  private Dataset<Row> withAsOfCutoff(Dataset<Row> validatedDF) {
    if (contract.timeColumn() == null) {
      return validatedDF;
    }
    Column time = col(contract.timeColumn());
    Column late = col(REASON).isNull().and(time.geq(lit(endOfAsOfDay())));
    return validatedDF
        .withColumn(
            DETAIL,
            when(
                    late,
                    concat(
                        lit(contract.timeColumn() + " "),
                        time.cast("string"),
                        lit(" UTC is after the end of " + asOfDate + " in " + zone)))
                .otherwise(col(DETAIL)))
        .withColumn(
            REASON, when(late, lit(QuarantineReason.AFTER_AS_OF_DATE)).otherwise(col(REASON)));
  }

  private List<String> sourceColumns(Dataset<Row> rawDF) {
    return Arrays.stream(rawDF.columns())
        .filter(c -> !c.equals(RawInputReader.MALFORMED) && !c.equals(RawInputReader.SOURCE_FILE))
        .toList();
  }

  private void requireMappedColumns(Dataset<Row> rawDF, List<String> sourceColumns) {
    for (ColumnContract column : contract.columns()) {
      String sourceName = source.sourceColumn(column.name());
      boolean derivable = column.name().equals(contract.key());
      if (column.required() && !derivable && !sourceColumns.contains(sourceName)) {
        throw new InputException(
            "input '"
                + contract.table()
                + "' at "
                + source.path()
                + " has no column '"
                + sourceName
                + "' for the required field '"
                + column.name()
                + "'. Columns found: "
                + sourceColumns
                + ". Map it with inputs."
                + contract.table()
                + ".columns."
                + column.name()
                + ": <source column>");
      }
    }
  }

  /** The contract value of a column; {@code text} is the trimmed text of a string source. */
  private Column parse(ColumnContract column, Column raw, Column text, DataType rawType) {
    DataType target = DataType.fromDDL(column.type());
    if (target instanceof TimestampType) {
      return timestamp(raw, text, rawType);
    }
    if (target instanceof StringType) {
      Column value = text == null ? raw.cast("string") : text;
      return column.allowed().isEmpty() ? value : lower(value);
    }
    if (text != null) {
      Column number =
          target instanceof org.apache.spark.sql.types.DecimalType
              ? text.try_cast(DataTypes.createDecimalType(38, 10)).try_cast(target)
              : text.try_cast(target);
      return when(text.rlike(THOUSANDS), lit(null).cast(target)).otherwise(number);
    }
    return raw.try_cast(target);
  }

  private Column timestamp(Column raw, Column text, DataType rawType) {
    if (rawType instanceof TimestampType) {
      return raw;
    }
    if (rawType instanceof DateType) {
      return to_utc_timestamp(raw.cast("timestamp"), zone.getId());
    }
    if (text == null) {
      text = raw.cast("string");
    }
    // The Spark session runs in UTC, so a zone-less value parses as UTC wall time and is then
    // shifted from the configured zone to the instant it denotes.
    Column local =
        source.timestampFormat() == null
            ? text.try_cast(DataTypes.TimestampType)
            : try_to_timestamp(text, lit(source.timestampFormat()));
    return when(text.rlike(HAS_OFFSET), text.try_cast(DataTypes.TimestampType))
        .otherwise(to_utc_timestamp(local, zone.getId()));
  }

  private static Column valid(ColumnContract column, Column value) {
    Column ok = value.isNotNull();
    if (!column.allowed().isEmpty()) {
      // No allowed value has control characters: the set check alone decides.
      ok = ok.and(value.isin(column.allowed().toArray()));
    } else if (DataType.fromDDL(column.type()) instanceof StringType) {
      ok = ok.and(value.rlike("\\p{Cntrl}").unary_$bang());
    }
    if (column.min() != null) {
      ok = ok.and(value.geq(lit(column.min())));
    }
    if (column.max() != null) {
      ok = ok.and(value.leq(lit(column.max())));
    }
    return ok;
  }

  private String expectation(ColumnContract column) {
    DataType type = DataType.fromDDL(column.type());
    String what;
    if (!column.allowed().isEmpty()) {
      what = "is not one of " + column.allowed();
    } else if (type instanceof TimestampType) {
      what =
          source.timestampFormat() == null
              ? "is not an ISO-8601 timestamp (set timestamp_format for other layouts)"
              : "does not match timestamp_format " + source.timestampFormat();
    } else if (type instanceof NumericType) {
      what = "is not a plain number (no thousands separators)";
    } else {
      what = "contains control characters";
    }
    if (column.min() != null || column.max() != null) {
      what += " or is outside [" + column.min() + ", " + column.max() + "]";
    }
    return what;
  }

  private static Column badEncoding(Dataset<Row> rawDF, List<String> sourceColumns) {
    Column bad = lit(false);
    for (String name : sourceColumns) {
      if (rawDF.schema().apply(name).dataType() instanceof StringType) {
        bad = bad.or(coalesce(col(name).contains("\uFFFD"), lit(false)));
      }
    }
    return bad;
  }

  private Timestamp endOfAsOfDay() {
    return Timestamp.from(asOfDate.plusDays(1).atStartOfDay(zone).toInstant());
  }

  private static Column rawStruct(List<String> sourceColumns) {
    return struct(sourceColumns.stream().map(c -> col(c)).toArray(Column[]::new));
  }

  /** Derives the key when the source has none: a hash of the row, numbered among exact copies. */
  private Dataset<Row> withDerivedKey(Dataset<Row> validatedDF, Set<String> available) {
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

  /**
   * Hashes ({@code xxhash64}) of the key values that occur more than once in {@code rawDF}, as one
   * column {@value #REPEATED_KEY}; null when the contract has no key or the source has none (a
   * derived key is unique by construction). Only the key column is read and parsed, and aggregating
   * 8-byte hashes is cheaper than aggregating the keys. In real inputs the result is small: it
   * names a superset of the rows that need the duplicate checks of {@link #withKeyChecks} (a hash
   * collision only sends two unrelated keys through the exact checks, which tell them apart).
   */
  public Dataset<Row> repeatedKeys(Dataset<Row> rawDF) {
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
   * The raw rows whose key hash is one of {@code repeatedKeysDF} (from {@link #repeatedKeys}):
   * matched before validation, so only these few rows are validated for {@link #withKeyChecks}.
   */
  public Dataset<Row> withRepeatedKey(Dataset<Row> rawDF, Dataset<Row> repeatedKeysDF) {
    return rawDF.join(
        broadcast(repeatedKeysDF),
        xxhash64(sourceKey(rawDF)).equalTo(col(REPEATED_KEY)),
        "left_semi");
  }

  /**
   * Whether a row of {@link #validateRows} passed the row checks but its key is one of {@code
   * repeatedKeysDF}: such rows are judged by {@link #withKeyChecks}, on {@link #withRepeatedKey}'s
   * rows, and left out of the single-row outputs. Adds the boolean column {@value #PENDING}.
   */
  public Dataset<Row> withPendingFlag(Dataset<Row> validatedDF, Dataset<Row> repeatedKeysDF) {
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

  /**
   * Flags key duplicates among rows of {@link #validateRows} that passed the row checks: extra
   * exact copies are duplicates, and when copies differ in content every one of them is quarantined
   * as conflicting. Meant for the few rows of {@link #withRepeatedKey}: a window per key.
   */
  public Dataset<Row> withKeyChecks(Dataset<Row> validatedDF) {
    return duplicateChecks(validatedDF, contract.key());
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
    Column text = rawType instanceof StringType ? btrim(raw, lit(WHITE_SPACE)) : null;
    return parse(contract.column(key).orElseThrow(), raw, text, rawType);
  }

  /** The per-key window over accepted rows whose key occurs more than once. */
  private static Dataset<Row> duplicateChecks(Dataset<Row> validatedDF, String key) {
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
