package dev.idic.stages.features;

import static org.apache.spark.sql.functions.col;

import dev.idic.stages.contract.RunContext;
import dev.idic.stages.contract.Stage;
import dev.idic.stages.contract.StageReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/** Stages {@code customer_features}: the per-customer summary with RFM scores and segments. */
public final class FeaturesStage implements Stage {

  public static final String OUTPUT = "customer_features";

  @Override
  public String name() {
    return "features";
  }

  @Override
  public StageReport run(RunContext context) {
    Dataset<Row> transactionsDF =
        context.spark().read().parquet(context.paths().staged("transactions_accepted"));
    Observation customersSeen = new Observation("customers_seen");
    Dataset<Row> summaryDF =
        CustomerSummary.from(
            transactionsDF, context.asOfDate(), context.settings().timeUnit(), customersSeen);
    String summaryPath = context.paths().staged("customer_summary");
    summaryDF.write().mode(SaveMode.Overwrite).parquet(summaryPath);
    Dataset<Row> storedDF = context.spark().read().parquet(summaryPath);

    RfmScores.score(storedDF, context.settings().rfm())
        .orderBy(col("customer_id"))
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(context.paths().staged(OUTPUT));

    long customers = context.spark().read().parquet(context.paths().staged(OUTPUT)).count();
    long buyers = observed(customersSeen);
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("rows_in", transactionsDF.count());
    counts.put("rows_out", customers);
    counts.put("customers_with_returns_only", buyers - customers);
    List<String> warnings =
        buyers > customers
            ? List.of(
                (buyers - customers)
                    + " customers have only returns in the observation window and no customer"
                    + " row")
            : List.of();
    return new StageReport(counts, Map.of(), warnings);
  }

  /** Customers with any accepted transaction, counted while the summary was written. */
  private static long observed(Observation customersSeen) {
    try {
      Object value = customersSeen.getAsJava().get(CustomerSummary.CUSTOMERS_SEEN);
      return value == null ? 0 : ((Number) value).longValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading the customer count", e);
    }
  }
}
