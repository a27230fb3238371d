package dev.idic.stages.interactions;

import static org.apache.spark.sql.functions.col;

import dev.idic.stages.contract.AsOf;
import dev.idic.stages.contract.Dataflow;
import dev.idic.stages.contract.RunContext;
import dev.idic.stages.contract.Stage;
import dev.idic.stages.contract.StageIo;
import dev.idic.stages.contract.StageReport;
import dev.idic.stages.contract.StagedTables;
import dev.idic.stages.contract.Table;
import dev.idic.stages.contract.Tables;
import dev.idic.stages.settings.ContactSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The interactions stage: contact history, complaints, loyalty, lifecycle, difficulty, the contact
 * plan and the marketer lists.
 *
 * <p>Reads the staged {@code customer_tiers}, {@code customer_features} and {@code
 * recent_purchases}, and when staged {@code interactions_accepted}, {@code customer_scores} and
 * {@code wallet_estimates_accepted}. Without interactions, contact counts are zero and the plan
 * counts every contact from the first purchase; without scores, or when {@code model_fit} says the
 * purchase fit is degenerate ({@link TrustedPAlive}), lifecycle and loyalty fall back to the
 * purchase-gap rules. Stages the tables {@link Dataflow#INTERACTIONS} names.
 */
public final class InteractionsStage implements Stage {

  @Override
  public StageReport run(RunContext context) {
    SparkSession spark = context.spark();
    AsOf asOf = context.asOf();
    ContactSettings settings = context.settings().contact();
    List<String> warnings = new ArrayList<>();
    StagedTables tables = context.tables(this);
    EngagementInputs inputs = StagedInputs.read(tables, spark, warnings);

    CustomerEngagement engagement = new CustomerEngagement(asOf, settings);
    Map<String, Long> counts = new LinkedHashMap<>();
    Dataset<Row> engagementDF = null;
    try {
      // Each table is staged and read back before the next builds on it: the engagement plan is
      // wide, and reading it back cuts its lineage instead of re-optimising it for every table.
      // Every table below is built from the engagement: kept in memory (one row per customer), it
      // is read from its files once instead of once per table.
      engagementDF =
          write(tables, Tables.CUSTOMER_ENGAGEMENT, engagement.build(inputs), counts)
              .persist(StorageLevel.MEMORY_AND_DISK());
      Dataset<Row> customersDF =
          engagementDF.join(
              inputs
                  .tiersDF()
                  .select(
                      col("customer_id"),
                      col("tier_basis"),
                      col("basis_value").cast("double"),
                      col("value_rank").cast("long"),
                      col("value_percentile").cast("double")),
              "customer_id");
      Dataset<Row> planDF =
          write(
              tables, Tables.CONTACT_PLAN, ContactPlan.apply(engagementDF, asOf, settings), counts);
      write(
          tables,
          Tables.COMPLAINT_OUTCOMES,
          ComplaintOutcomes.apply(
              inputs.interactionsDF(),
              engagementDF,
              asOf,
              settings.churnPeriodDays(),
              settings.difficulty().disputeOutcomes()),
          counts);
      write(tables, Tables.LOYALTY_SUMMARY, LoyaltySummary.apply(engagementDF), counts);
      write(
          tables,
          Tables.DIFFICULTY_SUMMARY,
          DifficultySummary.apply(engagementDF, settings.difficulty()),
          counts);
      write(tables, Tables.CONTACT_MIX_BY_TIER, ContactMixByTier.apply(engagementDF), counts);
      MarketerLists lists = new MarketerLists(asOf, context.settings().models().horizonMonths());
      write(tables, Tables.LIST_TOP_20_PERCENT, lists.topTwentyPercent(customersDF), counts);
      write(tables, Tables.LIST_VIP_KEY_OVERDUE, lists.vipKeyOverdue(planDF), counts);
      write(tables, Tables.LIST_HIGH_VALUE_AT_RISK, lists.highValueAtRisk(customersDF), counts);
      counts.put(
          "interactions_unknown_customer",
          inputs.interactionsDF().where(col("known_customer").equalTo(false)).count());
      return new StageReport(counts, details(tables), warnings);
    } finally {
      if (engagementDF != null) {
        engagementDF.unpersist();
      }
      spark.sparkContext().clearJobGroup();
    }
  }

  /** Stages a table, counts it, and returns it as read back from the staging folder. */
  private Dataset<Row> write(
      StagedTables tables, Table table, Dataset<Row> tableDF, Map<String, Long> counts) {
    tableDF
        .sparkSession()
        .sparkContext()
        .setJobGroup(name(), "interactions: stage " + table, false);
    StagedTables.Staged staged = tables.writeCounted(table, tableDF);
    counts.put(table.name(), staged.rows());
    return staged.df();
  }

  /** The summary tables' content, small enough for the run manifest. */
  private static Map<String, Object> details(StagedTables tables) {
    Map<String, Object> details = new LinkedHashMap<>();
    for (Table table : List.of(Tables.DIFFICULTY_SUMMARY, Tables.COMPLAINT_OUTCOMES)) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Row row : tables.read(table).collectAsList()) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String field : row.schema().fieldNames()) {
          values.put(field, row.getAs(field));
        }
        rows.add(values);
      }
      details.put(table.name(), rows);
    }
    return details;
  }

  @Override
  public StageIo io() {
    return Dataflow.INTERACTIONS;
  }
}
