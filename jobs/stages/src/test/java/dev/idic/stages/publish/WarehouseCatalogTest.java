package dev.idic.stages.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idic.stages.contract.IdicException;
import dev.idic.stages.contract.Tables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalogue over a warehouse laid out as the publisher leaves it, written here with DuckDB
 * (Spark-written partitions are covered end to end in the batch module). The test JVM's working
 * directory is the module folder, never the warehouse: a view resolving its paths against the
 * working directory would find no files.
 */
class WarehouseCatalogTest {

  static final LocalDate NIGHT_1 = LocalDate.parse("2026-11-15");
  static final LocalDate NIGHT_2 = LocalDate.parse("2026-11-22");
  static final LocalDate UNFINISHED = LocalDate.parse("2026-11-29");

  @TempDir Path dir;

  Path warehouse;

  @BeforeEach
  void twoNights() throws Exception {
    warehouse = dir.resolve("warehouse");
    partition("customer_profile", NIGHT_1, 2, true);
    partition("customer_profile", NIGHT_2, 3, true);
    // What a publish in progress leaves: a hidden, complete folder not yet renamed into place.
    partition("customer_profile", UNFINISHED, 11, true);
    Files.move(
        warehouse.resolve("customer_profile/as_of_date=" + UNFINISHED),
        warehouse.resolve("customer_profile/.as_of_date=" + UNFINISHED + ".new"));
    // A visible partition without its marker is not a complete night.
    partition("customer_profile", UNFINISHED, 7, false);
    partition("tier_summary", NIGHT_2, 4, true);
    // A table whose only partition is incomplete: no night yet.
    partition("model_fit", NIGHT_2, 1, false);
    partition("list_top_20_percent", NIGHT_1, 5, true);
    Files.createDirectories(warehouse.resolve("list_top_20_percent_csv/as_of_date=" + NIGHT_1));
  }

  @Test
  void viewsCoverEveryCompleteNightAndTheLatestOne() throws Exception {
    List<CatalogedTable> tables = new WarehouseCatalog(warehouse).rebuild();

    assertThat(tables)
        .as("every published table of the dataflow, each with its complete nights")
        .extracting(CatalogedTable::name)
        .containsExactlyElementsOf(
            Tables.all().stream().filter(t -> t.published()).map(t -> t.name()).toList());
    try (Connection duck = readOnly(warehouse.resolve(WarehouseCatalog.FILE_NAME))) {
      assertThat(rowsPerNight(duck, "customer_profile"))
          .as("all-nights view: both complete nights, nothing of the unfinished one")
          .containsExactly(Map.entry(NIGHT_1, 2L), Map.entry(NIGHT_2, 3L));
      assertThat(rowsPerNight(duck, "customer_profile_latest"))
          .as("latest view: the newest complete night only")
          .containsExactly(Map.entry(NIGHT_2, 3L));
      assertThat(rowsPerNight(duck, "list_top_20_percent_latest"))
          .as("a table's latest night is its own")
          .containsExactly(Map.entry(NIGHT_1, 5L));
      assertThat(column(duck, "SELECT typeof(as_of_date) FROM customer_profile LIMIT 1"))
          .as("as_of_date is a DATE")
          .containsExactly("DATE");
      assertThat(
              column(
                  duck,
                  "SELECT data_type FROM information_schema.columns WHERE table_name ="
                      + " 'customer_profile_latest' AND column_name = 'as_of_date'"))
          .as("as_of_date declared a DATE to tools that read the schema")
          .containsExactly("DATE");
      assertThat(column(duck, "SELECT table_name FROM information_schema.tables ORDER BY 1"))
          .as("views of tables with a complete night, the index, no view over a CSV twin")
          .containsExactly(
              "customer_profile",
              "customer_profile_latest",
              WarehouseCatalog.INDEX_TABLE,
              "list_top_20_percent",
              "list_top_20_percent_latest",
              "tier_summary",
              "tier_summary_latest");
      assertThat(
              column(
                  duck,
                  "SELECT table_name || ' ' || nights || ' ' || coalesce(latest_view, '-') || ' '"
                      + " || coalesce(CAST(latest_as_of_date AS VARCHAR), '-') FROM "
                      + WarehouseCatalog.INDEX_TABLE
                      + " WHERE table_name IN ('customer_profile', 'model_fit')"
                      + " ORDER BY 1"))
          .as("the index lists a table with no complete night yet, without views")
          .containsExactly(
              "customer_profile 2 customer_profile_latest " + NIGHT_2, "model_fit 0 - -");
    }
  }

  @Test
  void aNightPublishedAfterTheBuildJoinsTheAllNightsViewButNotLatest() throws Exception {
    new WarehouseCatalog(warehouse).rebuild();
    partition("tier_summary", UNFINISHED, 6, true);

    try (Connection duck = readOnly(warehouse.resolve(WarehouseCatalog.FILE_NAME))) {
      assertThat(rowsPerNight(duck, "tier_summary"))
          .containsExactly(Map.entry(NIGHT_2, 4L), Map.entry(UNFINISHED, 6L));
      assertThat(rowsPerNight(duck, "tier_summary_latest"))
          .as("latest stays the night the catalogue was built for until the next rebuild")
          .containsExactly(Map.entry(NIGHT_2, 4L));
    }
  }

  @Test
  void aMovedWarehouseStillReads() throws Exception {
    new WarehouseCatalog(warehouse).rebuild();
    Files.createDirectories(dir.resolve("elsewhere"));
    Path moved = Files.move(warehouse, dir.resolve("elsewhere").resolve("copy"));

    try (Connection duck = readOnly(moved.resolve(WarehouseCatalog.FILE_NAME))) {
      assertThat(rowsPerNight(duck, "customer_profile_latest"))
          .containsExactly(Map.entry(NIGHT_2, 3L));
    }
    try (Connection duck = readOnly(moved.resolve(WarehouseCatalog.FILE_NAME));
        Statement sql = duck.createStatement()) {
      // A user who changed temp_directory tells the views where the warehouse is instead.
      sql.execute("SET temp_directory = '" + dir.resolve("tmp") + "'");
      sql.execute("SET VARIABLE " + WarehouseCatalog.WAREHOUSE_VARIABLE + " = '" + moved + "'");
      assertThat(rowsPerNight(duck, "customer_profile"))
          .containsExactly(Map.entry(NIGHT_1, 2L), Map.entry(NIGHT_2, 3L));
    }
  }

  @Test
  void aRebuildLeavesNothingButTheCatalogueAndItsLockNorKeepsLeftovers() throws Exception {
    WarehouseCatalog catalog = new WarehouseCatalog(warehouse);
    catalog.rebuild();
    // What a process killed while building leaves behind.
    Files.writeString(warehouse.resolve(".idic.duckdb.1234.building"), "half");
    Files.writeString(warehouse.resolve(".idic.duckdb.1234.building.wal"), "half");
    catalog.rebuild();

    try (Stream<Path> files = Files.list(warehouse)) {
      assertThat(files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder("idic.duckdb", ".idic.duckdb.lock");
    }
  }

  @Test
  void aFailedRebuildKeepsThePreviousCatalogue() throws Exception {
    WarehouseCatalog catalog = new WarehouseCatalog(warehouse);
    catalog.rebuild();
    // A night whose Parquet is unreadable: the new catalogue cannot bind its views.
    Path broken = warehouse.resolve("tier_summary/as_of_date=" + UNFINISHED);
    Files.createDirectories(broken);
    Files.writeString(broken.resolve("part-0.parquet"), "not parquet");
    Files.writeString(broken.resolve(PartitionPublisher.SUCCESS_MARKER), "");

    assertThatThrownBy(catalog::rebuild)
        .isInstanceOf(IdicException.class)
        .hasMessageContaining("warehouse catalogue " + catalog.file())
        .hasMessageContaining("the previous catalogue is left as it was");
    try (Connection duck = readOnly(catalog.file())) {
      assertThat(rowsPerNight(duck, "tier_summary_latest"))
          .as("the catalogue from before the failure")
          .containsExactly(Map.entry(NIGHT_2, 4L));
    }
    try (Stream<Path> files = Files.list(warehouse)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .as("no aside file left behind")
          .noneMatch(name -> name.endsWith(".building") || name.contains(".building."));
    }
  }

  /** Writes {@code rows} rows (ids 1..rows) into a table's partition. */
  private void partition(String table, LocalDate night, int rows, boolean complete)
      throws SQLException, IOException {
    Path folder = warehouse.resolve(table).resolve("as_of_date=" + night);
    Files.createDirectories(folder);
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = duck.createStatement()) {
      sql.execute(
          "COPY (SELECT range + 1 AS id, 'row ' || range AS label FROM range("
              + rows
              + ")) TO '"
              + folder.resolve("part-00000.snappy.parquet")
              + "' (FORMAT parquet)");
    }
    if (complete) {
      Files.writeString(folder.resolve(PartitionPublisher.SUCCESS_MARKER), "");
    }
  }

  static Connection readOnly(Path file) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("duckdb.read_only", "true");
    return DriverManager.getConnection("jdbc:duckdb:" + file, properties);
  }

  static Map<LocalDate, Long> rowsPerNight(Connection duck, String view) throws SQLException {
    Map<LocalDate, Long> rows = new LinkedHashMap<>();
    try (Statement sql = duck.createStatement();
        ResultSet rs =
            sql.executeQuery(
                "SELECT as_of_date, count(*) FROM \"" + view + "\" GROUP BY 1 ORDER BY 1")) {
      while (rs.next()) {
        rows.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
      }
    }
    return rows;
  }

  static List<String> column(Connection duck, String query) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement sql = duck.createStatement();
        ResultSet rs = sql.executeQuery(query)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }
}
