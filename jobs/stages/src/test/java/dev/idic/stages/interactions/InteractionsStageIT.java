package dev.idic.stages.interactions;

import static dev.idic.stages.interactions.Fixtures.D;
import static dev.idic.stages.interactions.Fixtures.byCustomer;
import static dev.idic.stages.interactions.Fixtures.complaint;
import static dev.idic.stages.interactions.Fixtures.contact;
import static dev.idic.stages.interactions.Fixtures.date;
import static dev.idic.stages.interactions.Fixtures.frame;
import static dev.idic.stages.interactions.Fixtures.interactions;
import static dev.idic.stages.interactions.Fixtures.transactions;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.idic.stages.contract.Dataflow;
import dev.idic.stages.contract.RunContext;
import dev.idic.stages.contract.RunPaths;
import dev.idic.stages.contract.StageReport;
import dev.idic.stages.contract.Table;
import dev.idic.stages.contract.Tables;
import dev.idic.stages.features.FeaturesStage;
import dev.idic.stages.settings.InputSource;
import dev.idic.stages.settings.ModelSettings;
import dev.idic.stages.settings.PipelineSettings;
import dev.idic.stages.settings.RfmSettings;
import dev.idic.stages.settings.TierSettings;
import dev.idic.stages.settings.TimeUnit;
import dev.idic.stages.testing.LocalSpark;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InteractionsStageIT {

  private final InteractionsStage stage = new InteractionsStage();

  @Test
  void stagesEveryTableInItsContractedShape(@TempDir Path warehouse) throws IOException {
    RunContext context = context(warehouse);
    stageRequiredInputs(context);
    stage(context, Tables.INTERACTIONS_ACCEPTED, interactionsDF());
    stage(
        context,
        Tables.CUSTOMER_SCORES,
        frame(
            "customer_id string, p_alive double",
            new Object[] {"v", 0.41},
            new Object[] {"k", 0.95},
            new Object[] {"r", 0.9},
            new Object[] {"s1", 1.0},
            new Object[] {"s2", 0.97}));
    stage(
        context,
        Tables.WALLET_ESTIMATES_ACCEPTED,
        frame("customer_id string, estimated_category_spend double", new Object[] {"v", 4000.0}));

    StageReport report = stage.run(context);

    assertThat(report.counts())
        .as("row counts of the staged tables")
        .containsEntry("customer_engagement", 5L)
        .containsEntry("contact_plan", 5L)
        .containsEntry("complaint_outcomes", 3L)
        .containsEntry("loyalty_summary", 4L)
        .containsEntry("difficulty_summary", 4L)
        .containsEntry("interactions_unknown_customer", 1L);
    assertThat(report.warnings()).as("all inputs present").isEmpty();
    assertMatchContracts(context);
    assertThat(observedFlags(context)).as("interactions were read").isNotEmpty().containsOnly(true);
    Row v = byCustomer(read(context, Tables.CUSTOMER_ENGAGEMENT), "v");
    assertThat(v.<Long>getAs("complaints_total")).as("v's complaint").isEqualTo(1L);
    assertThat(v.<Double>getAs("share_of_wallet")).as("1000 / 4000").isEqualTo(0.25);
    assertThat(v.<String>getAs("lifecycle_stage")).as("P(alive) 0.41").isEqualTo("decline");
    assertThat(read(context, Tables.LIST_HIGH_VALUE_AT_RISK).collectAsList())
        .extracting(r -> r.<String>getAs("customer_id"))
        .as("the declining VIP")
        .containsExactly("v");
  }

  @Test
  void worksFromTheTiersAloneWithoutOptionalInputs(@TempDir Path warehouse) throws IOException {
    RunContext context = context(warehouse);
    stageRequiredInputs(context);

    StageReport report = stage.run(context);

    assertThat(report.warnings())
        .as("one warning per missing optional input")
        .hasSize(3)
        .anySatisfy(w -> assertThat(w).startsWith("no staged interactions_accepted"));
    assertMatchContracts(context);
    Dataset<Row> engagementDF = read(context, Tables.CUSTOMER_ENGAGEMENT);
    assertThat(engagementDF.where("interactions_365d <> 0 or complaints_total <> 0").count())
        .as("contact and complaint counts are zero, not null")
        .isZero();
    Row small = byCustomer(read(context, Tables.CONTACT_PLAN), "s1");
    assertThat(small.<Object>getAs("next_call_due"))
        .as("a year after the first purchase 2025-03-01")
        .isEqualTo(date("2026-03-01"));
    assertThat(small.<Boolean>getAs("call_overdue")).as("before D").isTrue();
    assertThat(read(context, Tables.LIST_VIP_KEY_OVERDUE).count())
        .as("VIP and Key were never called: both overdue")
        .isEqualTo(2L);
    assertThat(observedFlags(context))
        .as("the tables built from the contact history say there was none to read")
        .containsOnly(false);
  }

  /** interactions_observed of every row of the tables built from the contact history. */
  private static List<Boolean> observedFlags(RunContext context) {
    List<Boolean> flags = new ArrayList<>();
    for (Table table :
        List.of(
            Tables.CONTACT_PLAN,
            Tables.COMPLAINT_OUTCOMES,
            Tables.DIFFICULTY_SUMMARY,
            Tables.CONTACT_MIX_BY_TIER,
            Tables.LIST_VIP_KEY_OVERDUE)) {
      read(context, table)
          .select("interactions_observed")
          .collectAsList()
          .forEach(r -> flags.add(r.getBoolean(0)));
    }
    return flags;
  }

  @Test
  void aDegeneratePurchaseFitsPAliveIsSetAsideForThePurchaseGapRules(@TempDir Path warehouse)
      throws IOException {
    RunContext context = context(warehouse);
    stageRequiredInputs(context);
    stage(
        context,
        Tables.CUSTOMER_SCORES,
        frame(
            "customer_id string, p_alive double",
            new Object[] {"v", 0.41},
            new Object[] {"k", 0.95},
            new Object[] {"r", 0.9},
            new Object[] {"s1", 1.0},
            new Object[] {"s2", 0.97}));
    stage(
        context,
        Tables.MODEL_FIT,
        frame(
            "model string, warning string, degenerate boolean",
            new Object[] {"bgnbd", "P(alive) is nearly constant", true},
            new Object[] {"gamma_gamma", null, false}));

    StageReport report = stage.run(context);

    assertThat(report.warnings())
        .as("says which fit was set aside, why, and what judges instead")
        .anySatisfy(
            w ->
                assertThat(w)
                    .startsWith("bgnbd fit is degenerate (P(alive) is nearly constant)")
                    .contains("mean gap between purchases"));
    Row v = byCustomer(read(context, Tables.CUSTOMER_ENGAGEMENT), "v");
    // v's P(alive) 0.41 would put it in decline; by its gaps (121 days idle against a mean gap of
    // 391 days) it is not.
    assertThat(v.<String>getAs("lifecycle_stage")).isNotEqualTo("decline");
    assertThat(v.<String>getAs("lifecycle_reason")).doesNotContain("P(alive)");
    assertThat(read(context, Tables.LIST_HIGH_VALUE_AT_RISK).count()).isZero();
  }

  @Test
  void aHealthyPurchaseFitsPAliveIsUsed(@TempDir Path warehouse) throws IOException {
    RunContext context = context(warehouse);
    stageRequiredInputs(context);
    stage(
        context,
        Tables.CUSTOMER_SCORES,
        frame("customer_id string, p_alive double", new Object[] {"v", 0.41}));
    stage(
        context,
        Tables.MODEL_FIT,
        frame(
            "model string, warning string, degenerate boolean",
            new Object[] {"bgnbd", null, false}));

    StageReport report = stage.run(context);

    assertThat(report.warnings()).noneMatch(w -> w.contains("degenerate"));
    assertThat(
            byCustomer(read(context, Tables.CUSTOMER_ENGAGEMENT), "v")
                .<String>getAs("lifecycle_stage"))
        .isEqualTo("decline");
  }

  private static RunContext context(Path warehouse) {
    String root = warehouse.toUri().toString();
    PipelineSettings settings =
        new PipelineSettings(
            ZoneOffset.UTC,
            TimeUnit.DAYS,
            root,
            // Staged by the test, never read: the stages read the transactions' returns rule.
            new InputSource("staged", "parquet", true, ",", List.of(), Map.of(), null, "UTF-8"),
            null,
            null,
            null,
            0.05,
            RfmSettings.quintiles(),
            TierSettings.defaults(),
            ModelSettings.defaults(),
            dev.idic.stages.settings.ContactSettings.defaults(),
            dev.idic.stages.settings.ValidationSettings.OFF);
    return new RunContext(LocalSpark.session(), D, settings, new RunPaths(root, D));
  }

  private static void stageRequiredInputs(RunContext context) {
    stage(
        context,
        Tables.CUSTOMER_TIERS,
        frame(
            "customer_id string, tier string, tier_basis string, basis_value double,"
                + " value_rank long, top_percent double",
            new Object[] {"v", "vip", "predicted_clv", 900.0, 1L, 20.0},
            new Object[] {"k", "key", "predicted_clv", 500.0, 2L, 40.0},
            new Object[] {"r", "regular", "predicted_clv", 100.0, 3L, 60.0},
            new Object[] {"s1", "small", "predicted_clv", 20.0, 4L, 80.0},
            new Object[] {"s2", "small", "predicted_clv", 10.0, 5L, 100.0}));
    stage(
        context,
        Tables.TRANSACTIONS_ACCEPTED,
        transactions(
            new Object[] {"v", "2024-01-10", 400},
            new Object[] {"v", "2025-09-01", 700},
            new Object[] {"v", "2026-03-01", 300},
            new Object[] {"k", "2025-06-01", 200},
            new Object[] {"k", "2026-06-01", 250},
            new Object[] {"k", "2026-06-02", -50},
            new Object[] {"r", "2026-02-01", 40},
            new Object[] {"r", "2026-06-20", 60},
            new Object[] {"s1", "2025-03-01", 20},
            new Object[] {"s2", "2026-06-10", 10}));
    // v: first 2024-01-10, last 2026-03-01, 121 days idle, frequency 2; k: last purchase day
    // 2026-06-01 (the return of 06-02 is no purchase day), 29 days idle; s1 and s2 one day each.
    new FeaturesStage().run(context);
  }

  private static Dataset<Row> interactionsDF() {
    List<Row> rows =
        new ArrayList<>(
            List.of(
                contact("v", "2026-02-19", "face_to_face", "company", "visit"),
                contact("v", "2026-06-01", "phone", "company", "call"),
                complaint("v", "2026-01-05T10:00:00Z", "2026-01-06T10:00:00Z", "refund", 4),
                contact("k", "2026-06-25", "email", "customer", "inquiry"),
                contact("r", "2026-05-05", "phone", "company", "call")));
    return interactions(rows.toArray(Row[]::new))
        .unionByName(
            interactions(contact("ghost", "2026-05-05", "web", "customer", "inquiry"))
                .withColumn("known_customer", org.apache.spark.sql.functions.lit(false)));
  }

  private static void stage(RunContext context, Table table, Dataset<Row> df) {
    df.write().mode(SaveMode.Overwrite).parquet(context.paths().staged(table));
  }

  private static Dataset<Row> read(RunContext context, Table table) {
    return context.spark().read().parquet(context.paths().staged(table));
  }

  private static void assertMatchContracts(RunContext context) throws IOException {
    for (Table table : Dataflow.INTERACTIONS.writes()) {
      assertMatchesContract(table.name(), read(context, table));
    }
  }

  /** The staged columns are exactly the contract's, in order, with the contract's types. */
  private static void assertMatchesContract(String table, Dataset<Row> df) throws IOException {
    JsonNode contract;
    try (InputStream in =
        InteractionsStageIT.class.getResourceAsStream("/schemas/output/" + table + ".json")) {
      assertThat(in).as("contract file schemas/output/%s.json", table).isNotNull();
      contract = new ObjectMapper().readTree(in);
    }
    List<String> expected = new ArrayList<>();
    List<String> nonNullable = new ArrayList<>();
    for (JsonNode column : contract.get("columns")) {
      assertThat(column.path("description").asText())
          .as("%s.%s is documented", table, column.path("name").asText())
          .isNotBlank();
      expected.add(column.get("name").asText() + " " + column.get("type").asText());
      if (!column.get("nullable").asBoolean()) {
        nonNullable.add(column.get("name").asText());
      }
    }
    List<String> actual = new ArrayList<>();
    for (StructField field : df.schema().fields()) {
      actual.add(field.name() + " " + field.dataType().simpleString());
    }
    assertThat(actual).as("columns and types of %s", table).containsExactlyElementsOf(expected);
    for (String column : nonNullable) {
      assertThat(df.where(df.col(column).isNull()).count())
          .as("%s.%s is declared not nullable", table, column)
          .isZero();
    }
  }
}
