package dev.idic.stages.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers that open the catalogue with the JDBC driver again and again while nights are published
 * and the catalogue is rebuilt after each: every open and every query succeeds, and what a reader
 * sees is one consistent catalogue (its latest night and that night's rows agree).
 */
class WarehouseCatalogReadersTest {

  static final LocalDate FIRST = LocalDate.parse("2026-11-01");
  static final int NIGHTS = 12;
  static final int READERS = 2;

  @TempDir Path dir;

  /** Night n (from 0) has n + 1 customers, so a count names its night. */
  static long customers(LocalDate night) {
    return FIRST.until(night).getDays() + 1;
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES) // a safety net against a hang, not a measurement
  void readersNeverFailWhileNightsArePublished() throws Exception {
    Path warehouse = dir.resolve("warehouse");
    WarehouseCatalog catalog = new WarehouseCatalog(warehouse);
    publish(warehouse, FIRST);
    catalog.rebuild();

    AtomicBoolean publishing = new AtomicBoolean(true);
    AtomicLong reads = new AtomicLong();
    Queue<String> failures = new ConcurrentLinkedQueue<>();
    List<Thread> readers = new ArrayList<>();
    for (int i = 0; i < READERS; i++) {
      Thread reader =
          new Thread(
              () -> {
                while (publishing.get()) {
                  try {
                    String problem = readOnce(catalog.file());
                    if (problem != null) {
                      failures.add(problem);
                    }
                  } catch (Exception e) {
                    failures.add(e.toString());
                  }
                  reads.incrementAndGet();
                }
              });
      reader.start();
      readers.add(reader);
    }
    for (int n = 1; n < NIGHTS; n++) {
      long before = reads.get();
      publish(warehouse, FIRST.plusDays(n));
      catalog.rebuild();
      // Interleave by progress, not by time: the readers have read since the last rebuild.
      while (reads.get() < before + READERS) {
        Thread.onSpinWait();
      }
    }
    publishing.set(false);
    for (Thread reader : readers) {
      reader.join();
    }

    assertThat(failures).as("reads that failed, of %d", reads.get()).isEmpty();
    assertThat(reads.get()).as("reads done").isGreaterThanOrEqualTo((long) READERS * NIGHTS);
    try (Connection duck = WarehouseCatalogTest.readOnly(catalog.file())) {
      assertThat(WarehouseCatalogTest.rowsPerNight(duck, "customer_profile_latest"))
          .containsOnlyKeys(FIRST.plusDays(NIGHTS - 1));
    }
  }

  /** Opens the catalogue, reads its latest night and that night's rows: null when they agree. */
  private static String readOnce(Path file) throws Exception {
    try (Connection duck = WarehouseCatalogTest.readOnly(file);
        Statement sql = duck.createStatement();
        ResultSet rs =
            sql.executeQuery(
                "SELECT (SELECT latest_as_of_date FROM "
                    + WarehouseCatalog.INDEX_TABLE
                    + " WHERE table_name = 'customer_profile'),"
                    + " (SELECT count(*) FROM customer_profile_latest),"
                    + " (SELECT max(as_of_date) FROM customer_profile_latest)")) {
      rs.next();
      LocalDate indexed = rs.getObject(1, LocalDate.class);
      long rows = rs.getLong(2);
      LocalDate read = rs.getObject(3, LocalDate.class);
      boolean consistent = indexed.equals(read) && rows == customers(read);
      return consistent ? null : "index says " + indexed + ", read " + rows + " rows of " + read;
    }
  }

  /** Publishes one night of customer_profile the way publish does: staged, then swapped in. */
  private static void publish(Path warehouse, LocalDate night) throws Exception {
    Path staged = warehouse.resolve("_staging/" + night);
    Files.createDirectories(staged);
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = duck.createStatement()) {
      sql.execute(
          "COPY (SELECT range AS customer_id FROM range("
              + customers(night)
              + ")) TO '"
              + staged.resolve("part-00000.snappy.parquet")
              + "' (FORMAT parquet)");
    }
    FileSystem local = FileSystem.getLocal(new Configuration());
    new PartitionPublisher(local)
        .publish(
            new org.apache.hadoop.fs.Path(
                warehouse.resolve("customer_profile/as_of_date=" + night).toUri()),
            new org.apache.hadoop.fs.Path(staged.toUri()));
  }
}
