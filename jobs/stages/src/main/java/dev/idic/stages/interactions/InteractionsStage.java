package dev.idic.stages.interactions;

import static org.apache.spark.sql.functions.col;

import dev.idic.stages.contract.AsOf;
import dev.idic.stages.contract.RunContext;
import dev.idic.stages.contract.Stage;
import dev.idic.stages.contract.StageReport;
import dev.idic.stages.settings.ContactSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The interactions stage: contact history, complaints, loyalty, lifecycle, difficulty, the contact
 * plan and the marketer lists.
 *
 * <p>Reads the staged {@code customer_tiers}, {@code customer_features} and {@code
 * transactions_accepted}, and when staged {@code interactions_accepted}, {@code customer_scores}
 * and {@code wallet_estimates_accepted}. Without interactions, contact counts are zero and the plan
 * counts every contact from the first purchase; without scores, lifecycle and loyalty fall back to
 * the purchase-gap rules. Stages {@link #TABLES}.
 */
public final class InteractionsStage implements Stage {

  /** The tables this stage stages, in the order it writes them. */
  public static final List<String> TABLES =
      List.of(
          "customer_engagement",
          "contact_plan",
          "complaint_outcomes",
          "loyalty_summary",
          "difficulty_summary",
          "contact_mix_by_tier",
          "list_top_20_percent",
          "list_vip_key_overdue",
          "list_high_value_at_risk");

  @Override
  public String name() {
    return "interactions";
  }

  @Override
  public StageReport run(RunContext context) {
    SparkSession spark = context.spark();
    AsOf asOf = context.asOf();
    ContactSettings settings = context.settings().contact();
    List<String> warnings = new ArrayList<>();
    EngagementInputs inputs = StagedInputs.read(context, warnings);

    CustomerEngagement engagement = new CustomerEngagement(asOf, settings);
    Map<String, Long> counts = new LinkedHashMap<>();
    try {
      // Each table is staged and read back before the next builds on it: the engagement plan is
      // wide, and reading it back cuts its lineage instead of re-optimising it for every table.
      Dataset<Row> engagementDF =
          write(context, "customer_engagement", engagement.build(inputs), counts);
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
          write(context, "contact_plan", ContactPlan.apply(engagementDF, asOf, settings), counts);
      write(
          context,
          "complaint_outcomes",
          ComplaintOutcomes.apply(
              inputs.interactionsDF(),
              engagementDF,
              asOf,
              settings.churnPeriodDays(),
              settings.difficulty().disputeOutcomes()),
          counts);
      write(context, "loyalty_summary", LoyaltySummary.apply(engagementDF), counts);
      write(
          context,
          "difficulty_summary",
          DifficultySummary.apply(engagementDF, settings.difficulty()),
          counts);
      write(context, "contact_mix_by_tier", ContactMixByTier.apply(engagementDF), counts);
      MarketerLists lists = new MarketerLists(asOf, context.settings().models().horizonMonths());
      write(context, "list_top_20_percent", lists.topTwentyPercent(customersDF), counts);
      write(context, "list_vip_key_overdue", lists.vipKeyOverdue(planDF), counts);
      write(context, "list_high_value_at_risk", lists.highValueAtRisk(customersDF), counts);
      counts.put(
          "interactions_unknown_customer",
          inputs.interactionsDF().where(col("known_customer").equalTo(false)).count());
      return new StageReport(counts, details(context), warnings);
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }

  /** Stages a table, counts it, and returns it as read back from the staging folder. */
  private Dataset<Row> write(
      RunContext context, String table, Dataset<Row> tableDF, Map<String, Long> counts) {
    String path = context.paths().staged(table);
    context.spark().sparkContext().setJobGroup(name(), "interactions: stage " + table, false);
    tableDF.write().mode(SaveMode.Overwrite).parquet(path);
    Dataset<Row> stagedDF = context.spark().read().parquet(path);
    counts.put(table, stagedDF.count());
    return stagedDF;
  }

  /** The summary tables' content, small enough for the run manifest. */
  private static Map<String, Object> details(RunContext context) {
    Map<String, Object> details = new LinkedHashMap<>();
    for (String table : List.of("difficulty_summary", "complaint_outcomes")) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Row row :
          context.spark().read().parquet(context.paths().staged(table)).collectAsList()) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String field : row.schema().fieldNames()) {
          values.put(field, row.getAs(field));
        }
        rows.add(values);
      }
      details.put(table, rows);
    }
    return details;
  }
}
