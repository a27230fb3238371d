package dev.idic.stages.publish;

import dev.idic.stages.contract.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements that make up the warehouse catalogue, as text. Paths in the views are relative to
 * the database file's folder, which DuckDB does not support by itself: it resolves a relative path
 * against the process's working directory. So each view computes its folder when it is queried,
 * from the session variable {@value WarehouseCatalog#WAREHOUSE_VARIABLE} when set (what {@code idic
 * sql} does), else from DuckDB's default {@code temp_directory}, which is {@code <database
 * file>.tmp} beside the file that was opened. A user who changes {@code temp_directory} or attaches
 * the catalogue to another database sets the variable instead.
 */
final class CatalogueSql {

  /**
   * The warehouse folder with a trailing separator, or empty (the working directory) when the file
   * was opened by a bare name. DuckDB's string literals keep backslashes, so the class matches both
   * separators.
   */
  static final String WAREHOUSE_FOLDER =
      "coalesce(getvariable('"
          + WarehouseCatalog.WAREHOUSE_VARIABLE
          + "') || '/', regexp_extract(current_setting('temp_directory'), '^(.*[/\\\\])', 1))";

  private CatalogueSql() {}

  /** The views and the index table of a catalogue over these tables. */
  static List<String> statements(List<CatalogedTable> tables) {
    List<String> statements = new ArrayList<>();
    for (CatalogedTable table : tables) {
      table
          .latest()
          .ifPresent(
              latest -> {
                statements.add(allNightsView(table));
                statements.add(latestView(table, latest));
              });
    }
    statements.add(
        "CREATE TABLE "
            + WarehouseCatalog.INDEX_TABLE
            + " (table_name VARCHAR NOT NULL, all_nights_view VARCHAR, latest_view VARCHAR,"
            + " nights INTEGER NOT NULL, first_as_of_date DATE, latest_as_of_date DATE)");
    for (CatalogedTable table : tables) {
      boolean viewed = table.latest().isPresent();
      statements.add(
          "INSERT INTO "
              + WarehouseCatalog.INDEX_TABLE
              + " VALUES ("
              + String.join(
                  ", ",
                  literal(table.name()),
                  viewed ? literal(table.allNightsView()) : "NULL",
                  viewed ? literal(table.latestView()) : "NULL",
                  String.valueOf(table.nights().size()),
                  viewed ? date(table.nights().get(0)) : "NULL",
                  table.latest().map(CatalogueSql::date).orElse("NULL"))
              + ")");
    }
    return statements;
  }

  /**
   * Every complete night: the partitions with a {@code _SUCCESS} marker, looked up when the view is
   * queried, so a night published after the catalogue was built shows up too. Hidden folders
   * ({@code .as_of_date=D.new} while the publisher swaps) never match. Columns are unioned by name,
   * so nights from before a column was added read it as NULL.
   */
  static String allNightsView(CatalogedTable table) {
    String partitionColumn = Table.PARTITION_COLUMN;
    return "CREATE VIEW "
        + identifier(table.allNightsView())
        + " AS SELECT * FROM read_parquet("
        + warehouseFiles(table.name() + "/" + partitionColumn + "=*/*.parquet")
        + ", hive_partitioning = true, hive_types = {'"
        + partitionColumn
        + "': DATE}, union_by_name = true) WHERE "
        + partitionColumn
        + " IN (SELECT CAST(regexp_extract(file, '"
        + partitionColumn
        + "=([0-9-]+)[/\\\\]"
        + PartitionPublisher.SUCCESS_MARKER
        + "$', 1) AS DATE) FROM glob("
        + warehouseFiles(
            table.name() + "/" + partitionColumn + "=*/" + PartitionPublisher.SUCCESS_MARKER)
        + "))";
  }

  /** One night's partition, fixed when the catalogue is built, so every view agrees on it. */
  static String latestView(CatalogedTable table, LocalDate night) {
    return "CREATE VIEW "
        + identifier(table.latestView())
        + " AS SELECT * FROM read_parquet("
        + warehouseFiles(table.name() + "/" + Table.PARTITION_COLUMN + "=" + night + "/*.parquet")
        + ", hive_partitioning = true, hive_types = {'"
        + Table.PARTITION_COLUMN
        + "': DATE})";
  }

  /** A path or glob relative to the warehouse folder, as an expression. */
  private static String warehouseFiles(String relative) {
    return WAREHOUSE_FOLDER + " || " + literal(relative);
  }

  private static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static String date(LocalDate date) {
    return "DATE '" + date + "'";
  }
}
