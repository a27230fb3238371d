package dev.idic.batch.cli;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rows of a query, as text, printed either as an aligned table for a person (numbers right
 * aligned, NULL spelled out) or as CSV for a program (a header, fields quoted as RFC 4180 says when
 * they hold a comma, a quote or a line break, NULL as an empty field).
 */
record QueryResult(List<String> columns, List<Boolean> numeric, List<List<String>> rows) {

  private static final Set<Integer> NUMBER_TYPES =
      Set.of(
          Types.TINYINT,
          Types.SMALLINT,
          Types.INTEGER,
          Types.BIGINT,
          Types.REAL,
          Types.FLOAT,
          Types.DOUBLE,
          Types.NUMERIC,
          Types.DECIMAL);

  QueryResult {
    columns = List.copyOf(columns);
    numeric = List.copyOf(numeric);
    rows = List.copyOf(rows);
  }

  /** Reads every row of a result set; a null value stays null. */
  static QueryResult read(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    List<String> columns = new ArrayList<>();
    List<Boolean> numeric = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      columns.add(meta.getColumnLabel(i));
      numeric.add(NUMBER_TYPES.contains(meta.getColumnType(i)));
    }
    List<List<String>> rows = new ArrayList<>();
    while (rs.next()) {
      List<String> row = new ArrayList<>();
      for (int i = 1; i <= columns.size(); i++) {
        row.add(text(rs.getObject(i)));
      }
      rows.add(row);
    }
    return new QueryResult(columns, numeric, rows);
  }

  /** The table with a header, a rule, the rows and a row count. */
  String aligned() {
    int[] widths = new int[columns.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = columns.get(c).length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], shown(row.get(c)).length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, columns, widths, List.of());
    List<String> rule = new ArrayList<>();
    for (int width : widths) {
      rule.add("-".repeat(width));
    }
    line(out, rule, widths, List.of());
    for (List<String> row : rows) {
      line(out, row.stream().map(QueryResult::shown).toList(), widths, numeric);
    }
    out.append("(").append(rows.size()).append(rows.size() == 1 ? " row)" : " rows)").append('\n');
    return out.toString();
  }

  String csv() {
    StringBuilder out = new StringBuilder();
    csvLine(out, columns);
    for (List<String> row : rows) {
      csvLine(out, row);
    }
    return out.toString();
  }

  private static void line(
      StringBuilder out, List<String> cells, int[] widths, List<Boolean> rightAligned) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        line.append("  ");
      }
      String cell = cells.get(c);
      String pad = " ".repeat(widths[c] - cell.length());
      boolean right = !rightAligned.isEmpty() && rightAligned.get(c);
      line.append(right ? pad + cell : cell + pad);
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  private static void csvLine(StringBuilder out, List<String> cells) {
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        out.append(',');
      }
      String cell = cells.get(c);
      if (cell == null) {
        continue;
      }
      boolean quote =
          cell.indexOf(',') >= 0
              || cell.indexOf('"') >= 0
              || cell.indexOf('\n') >= 0
              || cell.indexOf('\r') >= 0;
      out.append(quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
    }
    out.append('\n');
  }

  private static String shown(String cell) {
    return cell == null ? "NULL" : cell;
  }

  /** Numbers in plain notation (no exponent), everything else as the driver prints it. */
  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Double || value instanceof Float) {
      double number = ((Number) value).doubleValue();
      String text = value.toString();
      return Double.isFinite(number) && text.contains("E")
          ? BigDecimal.valueOf(number).stripTrailingZeros().toPlainString()
          : text;
    }
    return value.toString();
  }
}
