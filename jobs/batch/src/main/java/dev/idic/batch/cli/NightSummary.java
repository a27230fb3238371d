package dev.idic.batch.cli;

import dev.idic.batch.config.IdicConfig;
import dev.idic.stages.contract.RunPaths;
import dev.idic.stages.contract.Table;
import dev.idic.stages.contract.Tables;
import dev.idic.stages.publish.WarehouseCatalog;
import dev.idic.stages.settings.PipelineSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The end summary of a night, the same for {@code run}, {@code backfill} and {@code demo}:
 * customers, tiers and their share of value and revenue, complaint outcomes and difficulty where
 * interactions were read, what an absent optional input means for the outputs, and where the
 * tables, lists and SQL catalogue are. It reads the published tables; the run's own message before
 * it carries the model warnings and validation figures.
 */
final class NightSummary {

  private static final int WIDTH = 100;

  private final SparkSession spark;
  private final RunPaths paths;
  private final PipelineSettings settings;

  NightSummary(SparkSession spark, PipelineSettings settings, LocalDate asOfDate) {
    this.spark = spark;
    this.paths = new RunPaths(settings.warehouse(), asOfDate);
    this.settings = settings;
  }

  /** The summary of a night run with {@code config}, on the process's SparkSession. */
  static NightSummary of(IdicCli root, IdicConfig config, LocalDate asOfDate) {
    return new NightSummary(
        root.runtime().spark().apply(config.spark()), config.pipeline(), asOfDate);
  }

  void print(PrintWriter out) {
    Optional<Dataset<Row>> profileDF = published(Tables.CUSTOMER_PROFILE);
    if (profileDF.isPresent()) {
      printTables(out, profileDF.get());
    }
    List<String> notes = OptionalInputNotes.of(settings);
    if (!notes.isEmpty()) {
      out.println();
      notes.forEach(note -> wrap("Note: " + note, "      ").forEach(out::println));
    }
    out.printf("%nTables under %s/<table>/%s/%n", paths.warehouse(), paths.partition());
    out.printf(
        "Marketer lists as CSV under %s/list_*_csv/%s/%n", paths.warehouse(), paths.partition());
    LocalWarehouse.folder(paths.warehouse())
        .map(folder -> folder.resolve(WarehouseCatalog.FILE_NAME))
        .filter(Files::isRegularFile)
        .ifPresent(
            catalogue ->
                out.printf(
                    "SQL over every night: %s (./idic sql \"SELECT * FROM tier_summary_latest\")%n",
                    catalogue));
    out.flush();
  }

  /** The night's partition of a published table; empty where the job's stages did not write it. */
  private Optional<Dataset<Row>> published(Table table) {
    Path partition = new Path(paths.published(table));
    try {
      FileSystem fileSystem = partition.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fileSystem.exists(partition)) {
        return Optional.empty();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot look for " + partition, e);
    }
    return Optional.of(spark.read().parquet(partition.toString()));
  }

  private void printTables(PrintWriter out, Dataset<Row> profileDF) {
    long customers = profileDF.count();
    long quarantined = published(Tables.QUARANTINE).map(Dataset::count).orElse(0L);
    out.printf(
        Locale.ROOT, "%nCustomers: %,d   quarantined input rows: %,d%n", customers, quarantined);
    Optional<Dataset<Row>> tiersDF = published(Tables.TIER_SUMMARY);
    if (tiersDF.isEmpty()) {
      return;
    }
    out.printf(
        Locale.ROOT,
        "%n%-8s %10s %12s %14s %12s%n",
        "tier",
        "customers",
        "of customers",
        "of value",
        "of revenue");
    List<Row> tiers = tiersDF.get().collectAsList();
    for (Row tier : tiers) {
      out.printf(
          Locale.ROOT,
          "%-8s %,10d %11.1f%% %13.1f%% %11.1f%%%n",
          tier.<String>getAs("tier"),
          tier.<Long>getAs("customers"),
          100 * tier.<Double>getAs("share_of_customers"),
          100 * nullToZero(tier.getAs("share_of_value")),
          100 * nullToZero(tier.getAs("share_of_revenue")));
    }
    if (!tiers.isEmpty()) {
      out.printf(Locale.ROOT, "(tier basis: %s)%n", tiers.get(0).<String>getAs("tier_basis"));
    }
    if (OptionalInputNotes.hasInteractions(settings)) {
      published(Tables.COMPLAINT_OUTCOMES)
          .ifPresent(tableDF -> printComplaintOutcomes(out, tableDF));
      published(Tables.DIFFICULTY_SUMMARY).ifPresent(tableDF -> printDifficulty(out, tableDF));
    }
  }

  private static void printComplaintOutcomes(PrintWriter out, Dataset<Row> complaintsDF) {
    out.printf(
        Locale.ROOT,
        "%n%-17s %10s %16s %11s%n",
        "complaints",
        "customers",
        "bought again",
        "churned");
    for (Row group : complaintsDF.collectAsList()) {
      out.printf(
          Locale.ROOT,
          "%-17s %,10d %15.1f%% %10.1f%%%n",
          group.<String>getAs("complaint_group"),
          group.<Long>getAs("customers"),
          100 * nullToZero(group.getAs("repeat_purchase_rate")),
          100 * nullToZero(group.getAs("churn_rate")));
    }
  }

  private static void printDifficulty(PrintWriter out, Dataset<Row> difficultyDF) {
    out.printf(Locale.ROOT, "%n%-17s %10s %12s%n", "difficulty", "observed", "reference");
    for (Row row : difficultyDF.collectAsList()) {
      out.printf(
          Locale.ROOT,
          "%-17s %9.1f%% %11.1f%%%n",
          row.<String>getAs("difficulty_class"),
          100 * row.<Double>getAs("observed_share"),
          100 * row.<Double>getAs("reference_share"));
    }
  }

  /** Breaks a long sentence into console lines of at most 100 characters, at spaces. */
  static List<String> wrap(String text, String indent) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > WIDTH) {
        lines.add(line.toString());
        line = new StringBuilder(indent);
      } else if (line.length() > 0 && !line.toString().equals(indent)) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  private static double nullToZero(Double value) {
    return value == null ? 0.0 : value;
  }
}
