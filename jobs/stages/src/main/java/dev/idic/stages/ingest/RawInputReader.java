package dev.idic.stages.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.idic.stages.contract.InputException;
import dev.idic.stages.settings.InputSource;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads one configured input as it is, without interpreting values: text formats give string
 * columns, Parquet keeps its types. Every row is one record and gets {@value #SOURCE_FILE}, {@value
 * #MALFORMED} (the raw record when it could not be split into the expected columns, else null) and
 * its source lines {@value #LINE} and {@value #LAST_LINE} (null where the format has no lines), so
 * that the validator can account for every record read and say where it was.
 */
public final class RawInputReader {

  public static final String SOURCE_FILE = "_source_file";
  public static final String MALFORMED = "_corrupt_record";

  /** First and last source line of a csv or whitespace record (1 = the file's first line). */
  public static final String LINE = "_line";

  public static final String LAST_LINE = "_last_line";

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
      return switch (source.format().toLowerCase(Locale.ROOT)) {
        case "csv" -> csv(inputName, source);
        case "whitespace" -> whitespace(inputName, source);
        case "jsonl", "json" -> withFileColumns(jsonLines(source));
        case "parquet" -> withFileColumns(parquet(source));
        default ->
            throw new InputException(
                "input '"
                    + inputName
                    + "' has unknown format '"
                    + source.format()
                    + "': use one of csv, whitespace, jsonl, parquet");
      };
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
    return textRecords(inputName, source, names, "csv");
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
    return textRecords(inputName, source, names, "whitespace");
  }

  /** Csv and whitespace files, record by record with their line numbers (see TextRecords). */
  private Dataset<Row> textRecords(
      String inputName, InputSource source, List<String> names, String format) {
    requireFiles(inputName, source);
    TextRecords records =
        new TextRecords(
            format, source.header(), source.delimiter(), names.size(), source.encoding());
    JavaSparkContext sparkContext = JavaSparkContext.fromSparkContext(spark.sparkContext());
    // A folder of exports may hold subfolders (one per month, say): all of its files are read.
    sparkContext.hadoopConfiguration().setBoolean(FileInputFormat.INPUT_DIR_RECURSIVE, true);
    JavaRDD<Row> rowsRDD =
        sparkContext
            .binaryFiles(source.path(), sparkContext.defaultParallelism())
            .flatMap(file -> records.rows(file._1(), file._2()));
    StructType schema =
        allStrings(names)
            .add(MALFORMED, DataTypes.StringType)
            .add(SOURCE_FILE, DataTypes.StringType)
            .add(RecordNumbers.RECORD, DataTypes.LongType)
            .add(LINE, DataTypes.LongType)
            .add(LAST_LINE, DataTypes.LongType);
    return spark.createDataFrame(rowsRDD, schema);
  }

  /** Spark lists the files only when a job runs; a missing path is reported here, by name. */
  private void requireFiles(String inputName, InputSource source) {
    Path path = new Path(source.path());
    try {
      FileStatus[] matches =
          path.getFileSystem(spark.sparkContext().hadoopConfiguration()).globStatus(path);
      if (matches == null || matches.length == 0) {
        throw new InputException(
            "input '"
                + inputName
                + "' at "
                + source.path()
                + " cannot be read: no such file or folder. Check inputs."
                + inputName
                + ".path");
      }
    } catch (IOException e) {
      throw new InputException(
          "input '" + inputName + "' at " + source.path() + " cannot be read: " + e.getMessage(),
          e);
    }
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

  /** Spark's readers know the file of a row, but not its line. */
  private static Dataset<Row> withFileColumns(Dataset<Row> rawDF) {
    return rawDF
        .withColumn(SOURCE_FILE, col("_metadata.file_path"))
        .withColumn(LINE, lit(null).cast("long"))
        .withColumn(LAST_LINE, lit(null).cast("long"));
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
