package dev.idic.stages.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import dev.idic.stages.contract.AsOf;
import dev.idic.stages.contract.ColumnContract;
import dev.idic.stages.contract.InputException;
import dev.idic.stages.contract.TableContract;
import dev.idic.stages.settings.InputSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StringType;

/**
 * Turns a raw input into contract columns and decides, for every row, whether it is accepted or why
 * it is quarantined. The result keeps every input row: accepted rows have a null {@value #REASON}.
 * Checks run in a fixed order and the first failing one names the reason: malformed row, encoding,
 * then per contract column missing and invalid values, then the as-of cut-off, then key duplicates.
 *
 * <p>Normalisation that is not a rejection: text is stripped of surrounding white space, values of
 * closed sets are lower-cased, amounts are rounded half-up to cents ({@link ColumnValues}).
 */
public final class RowValidator {

  public static final String REASON = "_reason";
  public static final String DETAIL = "_detail";
  public static final String RAW = "_raw";

  /** The record's first and last source line, null where the format has none. */
  public static final String LINE = "line";

  public static final String LAST_LINE = "last_line";

  /** Set by {@link #withPendingFlag}: the row awaits the key checks. */
  public static final String PENDING = "_pending";

  /** The identity on strings, which Catalyst may neither inline nor push filters through. */
  private static final UserDefinedFunction OPTIMIZER_BARRIER =
      udf((UDF1<String, String>) value -> value, DataTypes.StringType).asNondeterministic();

  private static final String TEXT = "_text_";
  private static final String PRESENT = "_present_";
  private static final String VALUE = "_value_";

  private final TableContract contract;
  private final InputSource source;
  private final AsOf asOf;
  private final ColumnValues values;
  private final KeyChecks keyChecks;

  /** {@code asOf}'s zone also reads the zone-less times of the source. */
  public RowValidator(TableContract contract, InputSource source, AsOf asOf) {
    this.contract = contract;
    this.source = source;
    this.asOf = asOf;
    this.values = new ColumnValues(source, asOf.zone());
    this.keyChecks = new KeyChecks(contract, source, values);
  }

  /**
   * The row checks of {@code rawDF} (the output of {@link RawInputReader}): everything but key
   * duplicates, which {@link #withKeyChecks} adds. Returns the contract columns, {@code
   * source_file}, {@value #LINE}, {@value #LAST_LINE}, {@value #REASON}, {@value #DETAIL} and
   * {@value #RAW} (the source row as a struct, for the quarantine record). A key the source does
   * not have is derived here.
   */
  public Dataset<Row> validateRows(Dataset<Row> rawDF) {
    List<String> sourceColumns = sourceColumns(rawDF);
    requireMappedColumns(sourceColumns);
    Set<String> available = new HashSet<>(sourceColumns);
    // Source columns are judged before derived ones: a derived amount is empty because its
    // quantity is not a number, and the quantity is what the user must fix.
    Set<String> derived = new HashSet<>();
    source.shaping().derive().forEach(expression -> derived.add(expression.name()));
    List<ColumnContract> mapped =
        contract.columns().stream()
            .filter(c -> available.contains(source.sourceColumn(c.name())))
            .sorted(
                Comparator.comparing(
                    (ColumnContract c) -> derived.contains(source.sourceColumn(c.name()))))
            .toList();

    // Spark shares a subexpression only when every branch evaluates it, and each check below is a
    // branch of its own; so the trimmed text and the parsed value of every column are computed
    // once, in projections of their own, and the checks only refer to them.
    List<Column> texts = new ArrayList<>(List.of(col("*")));
    for (ColumnContract column : mapped) {
      String sourceName = source.sourceColumn(column.name());
      if (rawDF.schema().apply(sourceName).dataType() instanceof StringType) {
        texts.add(ColumnValues.trimmed(col(sourceName)).as(TEXT + column.name()));
      }
    }
    Dataset<Row> textDF = rawDF.select(texts.toArray(Column[]::new));

    List<Column> parsed = new ArrayList<>(List.of(col("*")));
    for (ColumnContract column : mapped) {
      String sourceName = source.sourceColumn(column.name());
      DataType rawType = rawDF.schema().apply(sourceName).dataType();
      Column text = rawType instanceof StringType ? col(TEXT + column.name()) : null;
      Column present =
          text == null ? col(sourceName).isNotNull() : text.isNotNull().and(text.notEqual(lit("")));
      parsed.add(present.as(PRESENT + column.name()));
      parsed.add(values.parse(column, col(sourceName), text, rawType).as(VALUE + column.name()));
    }
    Dataset<Row> valueDF = textDF.select(parsed.toArray(Column[]::new));

    RejectionChecks checks =
        new RejectionChecks()
            .addMalformed()
            .addBadEncoding(rawDF, sourceColumns, source.encoding());
    for (ColumnContract column : mapped) {
      addColumnChecks(checks, column);
    }
    // Callers filter on the reason; pushed below these projections, the filter would inline every
    // check and its parts into one expression too large for code generation, which Spark then
    // interprets row by row (ten times slower). The opaque identity keeps the filter above.
    Dataset<Row> reasonDF =
        valueDF.select(col("*"), OPTIMIZER_BARRIER.apply(checks.reason()).as(REASON));

    List<Column> out = new ArrayList<>();
    for (ColumnContract column : contract.columns()) {
      out.add(
          available.contains(source.sourceColumn(column.name()))
              ? col(VALUE + column.name()).as(column.name())
              : lit(null).cast(column.type()).as(column.name()));
    }
    out.add(col(RawInputReader.SOURCE_FILE).as("source_file"));
    out.add(col(RawInputReader.LINE).as(LINE));
    out.add(col(RawInputReader.LAST_LINE).as(LAST_LINE));
    out.add(col(REASON));
    // Only rejected rows need the words; accepted rows skip building them.
    out.add(when(col(REASON).isNotNull(), checks.detail()).as(DETAIL));
    out.add(rawStruct(sourceColumns).as(RAW));
    if (Arrays.asList(rawDF.columns()).contains(RecordNumbers.RECORD)) {
      out.add(col(RecordNumbers.RECORD));
    }
    return keyChecks.withDerivedKey(
        withAsOfCutoff(reasonDF.select(out.toArray(Column[]::new))), available);
  }

  /** Missing (for a required column) and invalid values of one contract column. */
  private void addColumnChecks(RejectionChecks checks, ColumnContract column) {
    String sourceName = source.sourceColumn(column.name());
    Column present = col(PRESENT + column.name());
    if (column.required()) {
      checks.add(
          present.unary_$bang(),
          QuarantineReason.missing(column.name()),
          lit("column " + sourceName + " is empty"));
    }
    Column invalid =
        present.and(ColumnValues.valid(column, col(VALUE + column.name())).unary_$bang());
    checks.add(
        invalid,
        QuarantineReason.invalid(column.name()),
        concat(
            lit("column " + sourceName + ": '"),
            col(sourceName).cast("string"),
            lit("' " + values.expectation(column))));
  }

  /** Rows after the end of the as-of day belong to a later night's run. */
  private Dataset<Row> withAsOfCutoff(Dataset<Row> validatedDF) {
    if (contract.timeColumn() == null) {
      return validatedDF;
    }
    Column time = col(contract.timeColumn());
    Column late = col(REASON).isNull().and(time.geq(asOf.endLit()));
    return validatedDF
        .withColumn(
            DETAIL,
            when(
                    late,
                    concat(
                        lit(contract.timeColumn() + " "),
                        time.cast("string"),
                        lit(" UTC is after the end of " + asOf.date() + " in " + asOf.zone())))
                .otherwise(col(DETAIL)))
        .withColumn(
            REASON, when(late, lit(QuarantineReason.AFTER_AS_OF_DATE)).otherwise(col(REASON)));
  }

  /** The columns of the source (and those derived from it), without the reader's own. */
  static List<String> sourceColumns(Dataset<Row> rawDF) {
    Set<String> added =
        Set.of(
            RawInputReader.MALFORMED,
            RawInputReader.SOURCE_FILE,
            RawInputReader.LINE,
            RawInputReader.LAST_LINE,
            RecordNumbers.RECORD);
    return Arrays.stream(rawDF.columns()).filter(c -> !added.contains(c)).toList();
  }

  private void requireMappedColumns(List<String> sourceColumns) {
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

  static Column rawStruct(List<String> sourceColumns) {
    return struct(sourceColumns.stream().map(c -> col(c)).toArray(Column[]::new));
  }

  /**
   * Hashes ({@code xxhash64}) of the key values that occur more than once in {@code rawDF}, as one
   * column; null when the contract has no key or the source has none (a derived key is unique by
   * construction). Only the key column is read and parsed, and aggregating 8-byte hashes is cheaper
   * than aggregating the keys. In real inputs the result is small: it names a superset of the rows
   * that need the duplicate checks of {@link #withKeyChecks} (a hash collision only sends two
   * unrelated keys through the exact checks, which tell them apart).
   */
  public Dataset<Row> repeatedKeys(Dataset<Row> rawDF) {
    return keyChecks.repeatedKeys(rawDF);
  }

  /**
   * The raw rows whose key hash is one of {@code repeatedKeysDF} (from {@link #repeatedKeys}):
   * matched before validation, so only these few rows are validated for {@link #withKeyChecks}.
   */
  public Dataset<Row> withRepeatedKey(Dataset<Row> rawDF, Dataset<Row> repeatedKeysDF) {
    return keyChecks.withRepeatedKey(rawDF, repeatedKeysDF);
  }

  /**
   * Whether a row of {@link #validateRows} passed the row checks but its key is one of {@code
   * repeatedKeysDF}: such rows are judged by {@link #withKeyChecks}, on {@link #withRepeatedKey}'s
   * rows, and left out of the single-row outputs. Adds the boolean column {@value #PENDING}.
   */
  public Dataset<Row> withPendingFlag(Dataset<Row> validatedDF, Dataset<Row> repeatedKeysDF) {
    return keyChecks.withPendingFlag(validatedDF, repeatedKeysDF);
  }

  /**
   * Flags key duplicates among rows of {@link #validateRows} that passed the row checks: the
   * earliest row of a key (by source file, then record number) is kept, later exact copies are
   * duplicates and later rows with other content are conflicting. Meant for the few rows of {@link
   * #withRepeatedKey}, which carry the record numbers: a window per key.
   */
  public Dataset<Row> withKeyChecks(Dataset<Row> validatedDF) {
    return keyChecks.withDuplicatesFlagged(validatedDF);
  }
}
