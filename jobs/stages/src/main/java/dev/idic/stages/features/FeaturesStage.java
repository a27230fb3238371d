package dev.idic.stages.features;

import static org.apache.spark.sql.functions.col;

import dev.idic.stages.contract.Dataflow;
import dev.idic.stages.contract.RunContext;
import dev.idic.stages.contract.Stage;
import dev.idic.stages.contract.StageIo;
import dev.idic.stages.contract.StageReport;
import dev.idic.stages.contract.StagedTables;
import dev.idic.stages.contract.Tables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Stages {@code customer_features} (the per-customer summary with RFM scores and segments) and
 * {@code recent_purchases} ({@link RecentPurchases}), both from one aggregation of the accepted
 * transactions, and {@code cohort_retention} ({@link CohortRetention}).
 */
public final class FeaturesStage implements Stage {

  @Override
  public StageReport run(RunContext context) {
    StagedTables tables = context.tables(this);
    Dataset<Row> transactionsDF = tables.read(Tables.TRANSACTIONS_ACCEPTED);
    Observation customersSeen = new Observation("customers_seen");
    // In memory (one row per customer) rather than staged: the scores' count and range sample,
    // customer_features and recent_purchases all read it, and none needs it after this stage.
    Dataset<Row> summaryDF =
        CustomerSummary.from(
                transactionsDF,
                context.asOfDate(),
                context.settings().timeUnit(),
                context.settings().transactions().shaping().returns(),
                new RecentPurchases(context.asOf(), context.settings().contact().churnPeriodDays()),
                customersSeen)
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return run(context, tables, transactionsDF, summaryDF, customersSeen);
    } finally {
      summaryDF.unpersist();
    }
  }

  private static StageReport run(
      RunContext context,
      StagedTables tables,
      Dataset<Row> transactionsDF,
      Dataset<Row> summaryDF,
      Observation customersSeen) {

    long customers =
        tables
            .writeCounted(
                Tables.CUSTOMER_FEATURES,
                RfmScores.score(
                        summaryDF.drop(RecentPurchases.COLUMNS.toArray(String[]::new)),
                        context.settings().rfm())
                    .orderBy(col("customer_id")))
            .rows();
    // A table of its own, so that customer_features (and the profile built on it) keeps its
    // columns; both come from the one staged summary.
    tables.write(
        Tables.RECENT_PURCHASES,
        summaryDF.select(
            Stream.concat(Stream.of("customer_id"), RecentPurchases.COLUMNS.stream())
                .map(c -> col(c))
                .toArray(Column[]::new)));
    // A second, narrow read of the accepted transactions: the cohorts need customer months, finer
    // than the per-customer summary.
    tables.write(
        Tables.COHORT_RETENTION,
        CohortRetention.from(transactionsDF, context.asOfDate()).coalesce(1));
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

  @Override
  public StageIo io() {
    return Dataflow.FEATURES;
  }
}
