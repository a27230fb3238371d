package dev.idic.synth;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Writes a seeded synthetic customer base: the inputs of a nightly run, with known true parameters.
 *
 * <p>The generative model, per customer (see {@code docs/synthetic-data.md}):
 *
 * <ul>
 *   <li><b>Acquisition.</b> The first purchase falls uniformly in the {@code historyDays} before
 *       the as-of date, except for a share of recent newcomers acquired in its last weeks.
 *   <li><b>Purchases (BG/NBD).</b> Purchase rate {@code lambda ~ Gamma(r, alpha)} per day,
 *       exponential gaps; after each repeat purchase the customer leaves with probability {@code p
 *       ~ Beta(a, b)}. Customers who leave early show long gaps before the as-of date.
 *   <li><b>Spend (Gamma-Gamma).</b> A purchase day is worth {@code Gamma(p, nu)} euros with the
 *       customer's {@code nu ~ Gamma(q, gamma)}; together with the spread of {@code lambda} this
 *       puts well over half the revenue with the top 20% of customers. A day may be split over 2 to
 *       5 rows a few minutes apart; some rows are returned later as negative rows (part or all of
 *       the row's quantity, at the same unit price).
 *   <li><b>Complaints drive churn.</b> A purchase is followed by a complaint with a small chance,
 *       much larger for the last three purchases before the customer would leave anyway; an
 *       unresolved or disputed complaint makes the customer leave right away with a large chance, a
 *       resolved or refunded one with a small chance. Complaints carry resolution time, outcome and
 *       (mostly) a satisfaction score; one still open at the as-of date has neither.
 *   <li><b>Contacts.</b> Campaigns (email, letter, event) at a flat rate; calls and visits at a
 *       cadence that grows with the customer's true value (roughly the tier cadences), until a year
 *       after the last purchase; inquiries while the customer is active; some feedback; a few
 *       prospects, ids that never buy, who make inquiries.
 *   <li><b>Bad rows.</b> At {@code badRowRate} per valid transaction, an extra malformed row:
 *       unparseable amount, missing customer id, duplicate transaction id, timestamp after the
 *       as-of date or unparseable timestamp; likewise per interaction (missing customer id,
 *       unparseable timestamp, timestamp after the as-of date, duplicate id).
 * </ul>
 *
 * <p>Output: one folder per input under the output folder ({@code transactions/}, {@code
 * interactions/}, {@code customers/}, {@code wallet_estimates/}), CSV with a header (every field as
 * text, timestamps ISO-8601 with the zone's offset) or typed Parquet, columns named like the input
 * contracts, and {@code _truth.json} with the spec and true parameters. The same spec writes the
 * same rows in the same order whatever the number of files.
 */
public final class SyntheticDataGenerator {

  /** Customers per partition: about half a million rows per output file at the default model. */
  private static final long CUSTOMERS_PER_PARTITION = 25_000;

  private SyntheticDataGenerator() {}

  /**
   * Generates every input of {@code spec} under {@code outputDir} (any Hadoop URI), replacing it.
   */
  public static GeneratedData generate(SparkSession spark, SyntheticSpec spec, String outputDir) {
    return generate(spark, spec, outputDir, defaultPartitions(spark, spec));
  }

  /** As {@link #generate(SparkSession, SyntheticSpec, String)} with a given number of files. */
  public static GeneratedData generate(
      SparkSession spark, SyntheticSpec spec, String outputDir, int partitions) {
    String root =
        outputDir.endsWith("/") ? outputDir.substring(0, outputDir.length() - 1) : outputDir;
    spark.sparkContext().setJobGroup("synth", "generate synthetic inputs", false);
    try {
      String transactions = root + "/transactions";
      String interactions = root + "/interactions";
      String customers = root + "/customers";
      String walletEstimates = root + "/wallet_estimates";
      long transactionRows =
          write(spec, SyntheticData.transactions(spark, spec, partitions), transactions);
      long interactionRows = 0;
      if (spec.interactions() == InteractionsOutput.INCLUDED) {
        interactionRows =
            write(spec, SyntheticData.interactions(spark, spec, partitions), interactions);
      } else {
        // A stale folder from an earlier generation would be read as this data set's input.
        delete(spark, interactions);
      }
      long customerRows = write(spec, SyntheticData.customers(spark, spec, partitions), customers);
      long walletRows =
          write(spec, SyntheticData.walletEstimates(spark, spec, partitions), walletEstimates);
      GeneratedData generated =
          new GeneratedData(
              transactions,
              spec.interactions() == InteractionsOutput.INCLUDED ? interactions : null,
              customers,
              walletEstimates,
              root + "/_truth.json",
              transactionRows,
              interactionRows,
              customerRows,
              walletRows);
      writeTruth(spark, spec, generated);
      return generated;
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }

  /** One partition per 25,000 customers, at least as many as Spark's default parallelism. */
  public static int defaultPartitions(SparkSession spark, SyntheticSpec spec) {
    long bySize = (spec.customers() + CUSTOMERS_PER_PARTITION - 1) / CUSTOMERS_PER_PARTITION;
    long wanted = Math.max(bySize, spark.sparkContext().defaultParallelism());
    return (int) Math.min(Math.min(wanted, spec.customers()), 10_000);
  }

  /** Writes one input and returns its row count, observed during the write (no second pass). */
  private static long write(SyntheticSpec spec, Dataset<Row> textDF, String path) {
    Observation written = new Observation(path);
    Dataset<Row> outputDF =
        (spec.format() == OutputFormat.PARQUET ? SyntheticData.typed(textDF) : textDF)
            .observe(written, count(lit(1)).as("rows"));
    if (spec.format() == OutputFormat.PARQUET) {
      outputDF.write().mode(SaveMode.Overwrite).parquet(path);
    } else {
      outputDF.write().mode(SaveMode.Overwrite).option("header", "true").csv(path);
    }
    try {
      return ((Number) written.getAsJava().get("rows")).longValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while counting the rows of " + path, e);
    }
  }

  private static void delete(SparkSession spark, String folder) {
    Path path = new Path(folder);
    try {
      path.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(path, true);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + folder + ": " + e.getMessage(), e);
    }
  }

  private static void writeTruth(SparkSession spark, SyntheticSpec spec, GeneratedData generated) {
    Map<String, Object> truth = new LinkedHashMap<>();
    truth.put("seed", spec.seed());
    truth.put("customers", spec.customers());
    truth.put("as_of_date", spec.asOfDate().toString());
    truth.put("history_days", spec.historyDays());
    truth.put("zone", spec.zone().getId());
    truth.put("bad_row_rate", spec.badRowRate());
    truth.put("format", spec.format().name().toLowerCase(Locale.ROOT));
    truth.put("currency", TransactionRows.CURRENCY);
    truth.put("model", spec.model());
    truth.put("model_time_unit", "days");
    truth.put(
        "rows",
        Map.of(
            "transactions", generated.transactionRows(),
            "interactions", generated.interactionRows(),
            "customers", generated.customerRows(),
            "wallet_estimates", generated.walletEstimateRows()));
    Path path = new Path(generated.truth());
    try {
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (OutputStream out = fs.create(path, true)) {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out, truth);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write " + generated.truth() + ": " + e.getMessage(), e);
    }
  }
}
