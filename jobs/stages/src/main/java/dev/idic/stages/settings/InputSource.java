package dev.idic.stages.settings;

import java.util.List;
import java.util.Map;

/**
 * Where one input lives and how its columns map onto the contract in {@code schemas/}.
 *
 * @param path file or folder (any Hadoop URI: file:, hdfs:, s3a:)
 * @param format one of csv, whitespace, parquet, jsonl
 * @param header whether a csv file starts with a header line
 * @param delimiter csv field delimiter
 * @param columnNames names for header-less csv or whitespace files, in file order
 * @param columns contract column name to source column name; unmapped contract columns are taken by
 *     their own name
 * @param timestampFormat pattern for the timestamp column when it is not ISO-8601 (for example
 *     yyyyMMdd)
 * @param encoding character set of text files
 * @param shaping derived columns, exclusion rules, grain and returns of a sales export
 */
public record InputSource(
    String path,
    String format,
    boolean header,
    String delimiter,
    List<String> columnNames,
    Map<String, String> columns,
    String timestampFormat,
    String encoding,
    InputShaping shaping) {

  /** Format of an input that does not say; a csv file has a header line unless it says not. */
  public static final String DEFAULT_FORMAT = "csv";

  public static final String DEFAULT_DELIMITER = ",";

  public static final String DEFAULT_ENCODING = "UTF-8";

  public InputSource {
    columnNames = columnNames == null ? List.of() : List.copyOf(columnNames);
    columns = columns == null ? Map.of() : Map.copyOf(columns);
    format = format == null ? DEFAULT_FORMAT : format;
    delimiter = delimiter == null ? DEFAULT_DELIMITER : delimiter;
    encoding = encoding == null ? DEFAULT_ENCODING : encoding;
    shaping = shaping == null ? InputShaping.NONE : shaping;
  }

  /** An input taken as it is, without shaping. */
  public InputSource(
      String path,
      String format,
      boolean header,
      String delimiter,
      List<String> columnNames,
      Map<String, String> columns,
      String timestampFormat,
      String encoding) {
    this(
        path,
        format,
        header,
        delimiter,
        columnNames,
        columns,
        timestampFormat,
        encoding,
        InputShaping.NONE);
  }

  /** The source column that feeds a contract column. */
  public String sourceColumn(String contractColumn) {
    return columns.getOrDefault(contractColumn, contractColumn);
  }
}
