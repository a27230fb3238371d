package dev.idic.stages.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import dev.idic.stages.contract.InputException;
import dev.idic.stages.settings.InputSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads one configured input as it is, without interpreting values: text formats give string
 * columns, Parquet keeps its types. Every row gets {@value #SOURCE_FILE} and {@value #MALFORMED}
 * (the raw line when the row could not be split into the expected columns, else null), so that the
 * validator can account for every row read.
 */
public final class RawInputReader {

  public static final String SOURCE_FILE = "_source_file";
  public static final String MALFORMED = "_corrupt_record";

  private final SparkSession spark;

  public RawInputReader(SparkSession spark) {
    this.spark = spark;
  }

  public Dataset<Row> read(String inputName, InputSource source) {
    if (source.path() == null || source.path().isBlank()) {
      throw new InputException(
          "input '" + inputName + "' has no path: set inputs." + inputName + ".path in the config");
    }
    try {
      Dataset<Row> rawDF =
          switch (source.format().toLowerCase(Locale.ROOT)) {
            case "csv" -> csv(inputName, source);
            case "whitespace" -> whitespace(inputName, source);
            case "jsonl", "json" -> jsonLines(source);
            case "parquet" -> parquet(source);
            default ->
                throw new InputException(
                    "input '"
                        + inputName
                        + "' has unknown format '"
                        + source.format()
                        + "': use one of csv, whitespace, jsonl, parquet");
          };
      return rawDF.withColumn(SOURCE_FILE, col("_metadata.file_path"));
    } catch (InputException e) {
      throw e;
    } catch (Exception e) {
      // Spark reports missing paths and unreadable files as AnalysisException, which Java sees
      // as unchecked; whatever the type, the user needs the input name and path.
      throw new InputException(
          "input '" + inputName + "' at " + source.path() + " cannot be read: " + firstLine(e), e);
    }
  }

  private DataFrameReader textReader(InputSource source) {
    return spark.read().option("encoding", source.encoding()).option("multiLine", "false");
  }

  private Dataset<Row> csv(String inputName, InputSource source) {
    List<String> names = source.columnNames();
    if (names.isEmpty()) {
      if (!source.header()) {
        throw new InputException(
            "input '"
                + inputName
                + "' is a header-less csv without column names: set inputs."
                + inputName
                + ".column_names");
      }
      names = headerColumns(inputName, source);
    }
    StructType schema = allStrings(names).add(MALFORMED, DataTypes.StringType);
    return textReader(source)
        .schema(schema)
        .option("header", source.header())
        .option("sep", source.delimiter())
        .option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", MALFORMED)
        .option("enforceSchema", "true")
        .csv(source.path());
  }

  private List<String> headerColumns(String inputName, InputSource source) {
    Dataset<Row> probeDF =
        textReader(source)
            .option("header", "true")
            .option("sep", source.delimiter())
            .csv(source.path());
    List<String> names = Arrays.asList(probeDF.columns());
    if (names.isEmpty()) {
      throw new InputException(
          "input '"
              + inputName
              + "' at "
              + source.path()
              + " is empty: it has no header line. Provide a file with a header, or set header: false"
              + " and column_names");
    }
    return names;
  }

  private Dataset<Row> whitespace(String inputName, InputSource source) {
    List<String> names = source.columnNames();
    if (names.isEmpty()) {
      throw new InputException(
          "input '"
              + inputName
              + "' has format whitespace but no column names: set inputs."
              + inputName
              + ".column_names");
    }
    Dataset<Row> linesDF =
        spark
            .read()
            .option("encoding", source.encoding())
            .text(source.path())
            .withColumn("line", trim(col("value")))
            .filter(col("line").notEqual(lit("")));
    if (source.header()) {
      String header = linesDF.select("line").first().getString(0);
      linesDF = linesDF.filter(col("line").notEqual(lit(header)));
    }
    Column tokens = split(col("line"), "\\s+");
    Column wellFormed = size(tokens).equalTo(names.size());
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      columns.add(when(wellFormed, tokens.getItem(i)).as(names.get(i)));
    }
    columns.add(when(wellFormed.unary_$bang(), col("value")).as(MALFORMED));
    columns.add(col("_metadata"));
    return linesDF.select(columns.toArray(Column[]::new));
  }

  private Dataset<Row> jsonLines(InputSource source) {
    List<String> names = source.columnNames();
    DataFrameReader reader =
        textReader(source)
            .option("mode", "PERMISSIVE")
            .option("columnNameOfCorruptRecord", MALFORMED);
    if (!names.isEmpty()) {
      return reader
          .schema(allStrings(names).add(MALFORMED, DataTypes.StringType))
          .json(source.path());
    }
    // Without declared names, the inferred field names are read again as strings so that numbers
    // and booleans keep their literal text for validation.
    StructType inferred = reader.option("primitivesAsString", "true").json(source.path()).schema();
    StructType schema =
        inferred.getFieldIndex(MALFORMED).isDefined()
            ? inferred
            : inferred.add(MALFORMED, DataTypes.StringType);
    return reader.schema(schema).json(source.path());
  }

  private Dataset<Row> parquet(InputSource source) {
    return spark.read().parquet(source.path()).withColumn(MALFORMED, lit(null).cast("string"));
  }

  private static StructType allStrings(List<String> names) {
    StructType schema = new StructType();
    for (String name : names) {
      schema = schema.add(name, DataTypes.StringType);
    }
    return schema;
  }

  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
