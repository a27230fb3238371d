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
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;

/** Stages {@code customer_features}: the per-customer summary with RFM scores and segments. */
public final class FeaturesStage implements Stage {

  @Override
  public StageReport run(RunContext context) {
    StagedTables tables = context.tables(this);
    Dataset<Row> transactionsDF = tables.read(Tables.TRANSACTIONS_ACCEPTED);
    Observation customersSeen = new Observation("customers_seen");
    Dataset<Row> summaryDF =
        tables.scratch(
            "customer_summary",
            CustomerSummary.from(
                transactionsDF, context.asOfDate(), context.settings().timeUnit(), customersSeen));

    long customers =
        tables
            .write(
                Tables.CUSTOMER_FEATURES,
                RfmScores.score(summaryDF, context.settings().rfm()).orderBy(col("customer_id")))
            .count();
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
