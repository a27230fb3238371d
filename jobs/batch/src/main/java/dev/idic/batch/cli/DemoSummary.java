package dev.idic.batch.cli;

import dev.idic.stages.contract.RunPaths;
import dev.idic.stages.contract.Tables;
import dev.idic.stages.publish.WarehouseCatalog;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Prints what a run published: customers, tiers and their share of value, where the tables are. */
final class DemoSummary {

  private final SparkSession spark;
  private final RunPaths paths;

  DemoSummary(SparkSession spark, String warehouse, LocalDate asOfDate) {
    this.spark = spark;
    this.paths = new RunPaths(warehouse, asOfDate);
  }

  void print(PrintWriter out) {
    long customers = spark.read().parquet(paths.published(Tables.CUSTOMER_PROFILE)).count();
    long quarantined = spark.read().parquet(paths.published(Tables.QUARANTINE)).count();
    out.printf(
        Locale.ROOT, "%nCustomers: %,d   quarantined input rows: %,d%n", customers, quarantined);
    out.printf(
        Locale.ROOT,
        "%n%-8s %10s %12s %14s %12s%n",
        "tier",
        "customers",
        "of customers",
        "of value",
        "of revenue");
    for (Row tier : spark.read().parquet(paths.published(Tables.TIER_SUMMARY)).collectAsList()) {
      out.printf(
          Locale.ROOT,
          "%-8s %,10d %11.1f%% %13.1f%% %11.1f%%%n",
          tier.<String>getAs("tier"),
          tier.<Long>getAs("customers"),
          100 * tier.<Double>getAs("share_of_customers"),
          100 * nullToZero(tier.getAs("share_of_value")),
          100 * nullToZero(tier.getAs("share_of_revenue")));
    }
    out.printf(
        Locale.ROOT,
        "(tier basis: %s)%n",
        spark
            .read()
            .parquet(paths.published(Tables.TIER_SUMMARY))
            .first()
            .<String>getAs("tier_basis"));
    printComplaintOutcomes(out);
    printDifficulty(out);
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

  private void printComplaintOutcomes(PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "%n%-17s %10s %16s %11s%n",
        "complaints",
        "customers",
        "bought again",
        "churned");
    for (Row group :
        spark.read().parquet(paths.published(Tables.COMPLAINT_OUTCOMES)).collectAsList()) {
      out.printf(
          Locale.ROOT,
          "%-17s %,10d %15.1f%% %10.1f%%%n",
          group.<String>getAs("complaint_group"),
          group.<Long>getAs("customers"),
          100 * nullToZero(group.getAs("repeat_purchase_rate")),
          100 * nullToZero(group.getAs("churn_rate")));
    }
  }

  private void printDifficulty(PrintWriter out) {
    out.printf(Locale.ROOT, "%n%-17s %10s %12s%n", "difficulty", "observed", "reference");
    for (Row row :
        spark.read().parquet(paths.published(Tables.DIFFICULTY_SUMMARY)).collectAsList()) {
      out.printf(
          Locale.ROOT,
          "%-17s %9.1f%% %11.1f%%%n",
          row.<String>getAs("difficulty_class"),
          100 * row.<Double>getAs("observed_share"),
          100 * row.<Double>getAs("reference_share"));
    }
  }

  private static double nullToZero(Double value) {
    return value == null ? 0.0 : value;
  }
}
