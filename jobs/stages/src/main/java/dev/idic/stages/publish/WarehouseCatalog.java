package dev.idic.stages.publish;

import dev.idic.stages.contract.IdicErrors;
import dev.idic.stages.contract.Table;
import dev.idic.stages.contract.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The warehouse's SQL catalogue, {@code <warehouse>/idic.duckdb}: a DuckDB database holding, for
 * every published table with a complete night, a view {@code <table>} over all its nights and a
 * view {@code <table>_latest} over its newest complete night, both with {@code as_of_date} as a
 * DATE column, plus the index table {@value #INDEX_TABLE} (one row per published table, views and
 * nights; a table with no complete night yet is listed there with no views). BI tools and {@code
 * idic sql} open it; the views read the Parquet files in place, through paths relative to the
 * database file (see {@link CatalogueSql}), so the warehouse folder can be moved.
 *
 * <p>Rebuilt whole after every publish: written aside as a hidden file in the warehouse, then
 * renamed over the old one, so a reader opens the old catalogue or the new one, never a half-built
 * file. Rebuilds of one warehouse take turns (a lock file), so the last one to finish has seen
 * every partition published before it started.
 */
public final class WarehouseCatalog {

  /** The catalogue's file name in the warehouse folder. */
  public static final String FILE_NAME = "idic.duckdb";

  /** Suffix of the view over a table's newest complete night. */
  public static final String LATEST_SUFFIX = "_latest";

  /** The table listing every published table with its views and nights. */
  public static final String INDEX_TABLE = "idic_catalogue";

  /** Session variable that, when set, tells the views where the warehouse folder is. */
  public static final String WAREHOUSE_VARIABLE = "idic_warehouse";

  private static final String DRIVER = "org.duckdb.DuckDBDriver";
  private static final String BUILDING = ".building";
  private static final Logger LOG = LoggerFactory.getLogger(WarehouseCatalog.class);

  // File locks are held per process; threads of one process take turns here first.
  private static final ReentrantLock IN_PROCESS = new ReentrantLock();

  private final Path warehouse;

  /**
   * @param warehouse the warehouse folder on the local file system
   */
  public WarehouseCatalog(Path warehouse) {
    this.warehouse = warehouse.toAbsolutePath().normalize();
  }

  /**
   * The catalogue of a warehouse given as publish sees it, if one can be built there: DuckDB needs
   * the warehouse on the local file system and its driver on the classpath (the spark-submit jar
   * leaves it out). When not, says why in the log.
   */
  public static Optional<WarehouseCatalog> of(FileSystem fileSystem, String warehouse) {
    if (!"file".equals(fileSystem.getScheme())) {
      LOG.info(
          "No SQL catalogue for the warehouse {}: DuckDB writes its database on the local file"
              + " system only",
          warehouse);
      return Optional.empty();
    }
    if (!driverPresent()) {
      LOG.info(
          "No SQL catalogue for the warehouse {}: the DuckDB driver is not on the classpath (the"
              + " spark-submit jar leaves it out); run `idic catalogue` from a checkout to build"
              + " it",
          warehouse);
      return Optional.empty();
    }
    URI folder = fileSystem.makeQualified(new org.apache.hadoop.fs.Path(warehouse)).toUri();
    return Optional.of(new WarehouseCatalog(Path.of(folder)));
  }

  /** Where the catalogue is, whether or not it was built yet. */
  public Path file() {
    return warehouse.resolve(FILE_NAME);
  }

  public Path warehouse() {
    return warehouse;
  }

  /**
   * Builds the catalogue from the partitions now in the warehouse and puts it in place.
   *
   * @return the published tables, each with its complete nights
   * @throws dev.idic.stages.contract.IdicException (environment) when it cannot be written; the
   *     previous catalogue, if any, is left as it was
   */
  public List<CatalogedTable> rebuild() {
    IN_PROCESS.lock();
    try (FileChannel lockFile =
        FileChannel.open(
            warehouse.resolve("." + FILE_NAME + ".lock"),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE)) {
      lockFile.lock(); // released when the channel closes
      // Holding the lock, no other rebuild is running: whatever aside files exist were left by a
      // process that died while building.
      try (DirectoryStream<Path> stale =
          Files.newDirectoryStream(warehouse, "." + FILE_NAME + ".*" + BUILDING)) {
        for (Path leftover : stale) {
          removeLeftovers(leftover);
        }
      }
      List<CatalogedTable> tables = scan();
      Path aside = warehouse.resolve("." + FILE_NAME + "." + UUID.randomUUID() + BUILDING);
      try {
        write(aside, tables);
        Files.move(aside, file(), StandardCopyOption.ATOMIC_MOVE);
      } finally {
        removeLeftovers(aside);
      }
      LOG.info(
          "SQL catalogue {} rebuilt: {} of {} tables have a complete night",
          file(),
          tables.stream().filter(table -> table.latest().isPresent()).count(),
          tables.size());
      return tables;
    } catch (IOException | SQLException | UncheckedIOException e) {
      throw IdicErrors.environment(
          "warehouse catalogue " + file(),
          "cannot be rebuilt (" + e.getMessage() + "); the previous catalogue is left as it was",
          "check that the warehouse folder is writable and has free space",
          e);
    } finally {
      IN_PROCESS.unlock();
    }
  }

  /** Every published table of the dataflow, with the nights whose partition is complete. */
  List<CatalogedTable> scan() {
    List<CatalogedTable> tables = new ArrayList<>();
    for (Table table : Tables.all()) {
      if (table.published()) {
        tables.add(
            new CatalogedTable(table.name(), completeNights(warehouse.resolve(table.name()))));
      }
    }
    return tables;
  }

  private static List<LocalDate> completeNights(Path tableFolder) {
    if (!Files.isDirectory(tableFolder)) {
      return List.of();
    }
    String prefix = Table.PARTITION_COLUMN + "=";
    List<LocalDate> nights = new ArrayList<>();
    try (DirectoryStream<Path> partitions = Files.newDirectoryStream(tableFolder, prefix + "*")) {
      for (Path partition : partitions) {
        Optional<LocalDate> night =
            date(partition.getFileName().toString().substring(prefix.length()));
        if (night.isPresent()
            && Files.isRegularFile(partition.resolve(PartitionPublisher.SUCCESS_MARKER))) {
          nights.add(night.get());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + tableFolder, e);
    }
    nights.sort(null);
    return nights;
  }

  private static Optional<LocalDate> date(String text) {
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static void write(Path file, List<CatalogedTable> tables) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement statement = connection.createStatement()) {
      for (String sql : CatalogueSql.statements(tables)) {
        statement.execute(sql);
      }
      // Everything into the database file itself: the renamed file must not need a WAL beside it.
      statement.execute("CHECKPOINT");
    }
  }

  /** The aside file (after a failure) and what DuckDB may keep beside a database file. */
  private static void removeLeftovers(Path aside) throws IOException {
    Files.deleteIfExists(aside);
    Files.deleteIfExists(aside.resolveSibling(aside.getFileName() + ".wal"));
    Path temp = aside.resolveSibling(aside.getFileName() + ".tmp");
    if (Files.isDirectory(temp)) {
      try (Stream<Path> files = Files.walk(temp)) {
        for (Path path : files.sorted((a, b) -> b.compareTo(a)).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }

  private static boolean driverPresent() {
    try {
      Class.forName(DRIVER, false, WarehouseCatalog.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
