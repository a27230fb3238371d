package dev.idic.stages.interactions;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.idic.stages.contract.AsOf;
import dev.idic.stages.contract.Dataflow;
import dev.idic.stages.contract.RunContext;
import dev.idic.stages.contract.Stage;
import dev.idic.stages.contract.StageIo;
import dev.idic.stages.contract.StageReport;
import dev.idic.stages.contract.StagedTables;
import dev.idic.stages.contract.Table;
import dev.idic.stages.contract.Tables;
import dev.idic.stages.lists.ListColumns;
import dev.idic.stages.settings.ContactSettings;
import java.util.ArrayList;
import java.util.Arrays;
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
 * counts every contact from the first purchase, and the tables built from the contact history say
 * so in {@code interactions_observed}; without scores, or when {@code model_fit} says the purchase
 * fit is degenerate ({@link TrustedPAlive}), lifecycle and loyalty fall back to the purchase-gap
 * rules. Stages the tables {@link Dataflow#INTERACTIONS} names.
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
                      col("top_percent").cast("double")),
              "customer_id");
      Dataset<Row> planDF =
          write(
              tables,
              Tables.CONTACT_PLAN,
              observed(ContactPlan.apply(engagementDF, asOf, settings), inputs),
              counts);
      write(
          tables,
          Tables.COMPLAINT_OUTCOMES,
          observed(
              ComplaintOutcomes.apply(
                  inputs.interactionsDF(),
                  engagementDF,
                  asOf,
                  settings.churnPeriodDays(),
                  settings.difficulty().disputeOutcomes()),
              inputs),
          counts);
      write(tables, Tables.LOYALTY_SUMMARY, LoyaltySummary.apply(engagementDF), counts);
      write(
          tables,
          Tables.DIFFICULTY_SUMMARY,
          observed(DifficultySummary.apply(engagementDF, settings.difficulty()), inputs),
          counts);
      write(
          tables,
          Tables.CONTACT_MIX_BY_TIER,
          observed(ContactMixByTier.apply(engagementDF), inputs),
          counts);
      MarketerLists lists =
          new MarketerLists(
              asOf, context.settings().models().horizonMonths(), inputs.tiersDF().count());
      Dataset<Row> crmDF = crmColumns(customersDF, inputs, tables);
      write(
          tables,
          Tables.LIST_TOP_20_PERCENT,
          ListColumns.complete(
              Tables.LIST_TOP_20_PERCENT, lists.topTwentyPercent(customersDF), crmDF),
          counts);
      write(
          tables,
          Tables.LIST_VIP_KEY_OVERDUE,
          ListColumns.complete(Tables.LIST_VIP_KEY_OVERDUE, lists.vipKeyOverdue(planDF), crmDF),
          counts);
      write(
          tables,
          Tables.LIST_HIGH_VALUE_AT_RISK,
          ListColumns.complete(
              Tables.LIST_HIGH_VALUE_AT_RISK, lists.highValueAtRisk(customersDF), crmDF),
          counts);
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

  /**
   * The per-customer columns the lists carry for a CRM import: P(alive) as the engagement trusts
   * it, the last purchase date, the R/F segment and, when the models ran, the CLV.
   */
  private static Dataset<Row> crmColumns(
      Dataset<Row> customersDF, EngagementInputs inputs, StagedTables tables) {
    Dataset<Row> crmDF =
        customersDF
            .select("customer_id", "p_alive", "last_purchase_date")
            .join(inputs.featuresDF().select("customer_id", "rfm_segment"), "customer_id");
    return tables
        .readIfStaged(Tables.CUSTOMER_SCORES)
        .filter(scoresDF -> Arrays.asList(scoresDF.columns()).contains("clv"))
        .map(scoresDF -> crmDF.join(scoresDF.select("customer_id", "clv"), "customer_id", "left"))
        .orElse(crmDF);
  }

  /**
   * Marks a table built from the contact history with {@value #OBSERVED}: false when the night has
   * no interactions input, so that a BI user sees that its zero contacts, "easy" customers and
   * overdue plans are what an absent input gives, not what was observed.
   */
  private static Dataset<Row> observed(Dataset<Row> tableDF, EngagementInputs inputs) {
    return tableDF.withColumn(OBSERVED, lit(inputs.interactionsObserved()));
  }

  static final String OBSERVED = "interactions_observed";

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
