package dev.idic.batch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A small, seeded transactions file and a configuration running the real stages on it, in a folder
 * of its own: {@code tx.csv}, {@code idic.yaml}, {@code work/}, {@code warehouse/}. Small on
 * purpose (a few hundred rows): these tests are about orchestration, not volume.
 */
public final class SampleRun {

  /** The as-of date the sample is written for. */
  public static final LocalDate AS_OF = LocalDate.parse("2026-11-22");

  private final Path folder;

  private SampleRun(Path folder) {
    this.folder = folder;
  }

  /** Writes the sample into the folder, with extra YAML lines appended to the configuration. */
  public static SampleRun in(Path folder, String... extraConfiguration) {
    try {
      Files.createDirectories(folder);
      Files.writeString(folder.resolve("tx.csv"), transactions(60, 7));
      Files.writeString(folder.resolve("idic.yaml"), configuration(extraConfiguration));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SampleRun(folder);
  }

  public Path folder() {
    return folder;
  }

  public Path config() {
    return folder.resolve("idic.yaml");
  }

  public Path input() {
    return folder.resolve("tx.csv");
  }

  public Path warehouse() {
    return folder.resolve("warehouse");
  }

  public Path workDir() {
    return folder.resolve("work");
  }

  /** {@code run --conf=... --as-of=AS_OF} plus extra arguments. */
  public String[] run(String... extra) {
    List<String> args = new ArrayList<>(List.of("run", "--conf=" + config(), "--as-of=" + AS_OF));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  /** The configuration: real stages, tiers on historical spend (no models stage needed). */
  public static String configuration(String... extra) {
    return """
        work_dir: work
        warehouse: warehouse
        time_zone: Europe/Berlin
        max_reject_ratio: 0.2
        inputs:
          transactions:
            path: tx.csv
        tiers:
          basis: historical_spend
        spark:
          master: local[2]
          conf:
            spark.sql.shuffle.partitions: "2"
            spark.ui.enabled: "false"
            spark.driver.host: 127.0.0.1
            spark.driver.bindAddress: 127.0.0.1
        """
        + String.join("\n", extra)
        + "\n";
  }

  /**
   * {@code customers} customers with up to {@code maxPurchases} purchases each in 2026, some
   * returns, one row after the as-of date, and every column of the contract.
   */
  public static String transactions(int customers, int maxPurchases) {
    Random random = new Random(20261122L);
    StringBuilder csv =
        new StringBuilder(
            "transaction_id,customer_id,ts,amount,currency,channel,quantity,category,store_id\n");
    int id = 0;
    for (int c = 0; c < customers; c++) {
      int purchases = 1 + random.nextInt(maxPurchases);
      for (int p = 0; p < purchases; p++) {
        LocalDate day = LocalDate.parse("2026-01-01").plusDays(random.nextInt(320));
        double amount = Math.round(Math.exp(2 + 1.5 * random.nextGaussian()) * 100) / 100.0 + 1;
        boolean isReturn = random.nextInt(20) == 0;
        csv.append(
            String.format(
                Locale.ROOT,
                "t%05d,c%03d,%sT%02d:%02d:00,%.2f,EUR,%s,%d,%s,s%d%n",
                ++id,
                c,
                day,
                8 + random.nextInt(12),
                random.nextInt(60),
                isReturn ? -amount / 2 : amount,
                random.nextBoolean() ? "store" : "web",
                1 + random.nextInt(3),
                List.of("books", "music", "games").get(random.nextInt(3)),
                random.nextInt(4)));
      }
    }
    csv.append("t99999,c000,2026-11-30T10:00:00,12.50,EUR,web,1,books,s1\n");
    return csv.toString();
  }
}
