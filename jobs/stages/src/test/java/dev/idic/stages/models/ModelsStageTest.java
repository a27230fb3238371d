package dev.idic.stages.models;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.idic.model.BgNbdModel;
import dev.idic.model.ClvSettings;
import dev.idic.model.CustomerScorer;
import dev.idic.model.GammaGammaModel;
import dev.idic.model.ModelFitException;
import dev.idic.stages.contract.ExitCode;
import dev.idic.stages.contract.IdicException;
import dev.idic.stages.contract.RunContext;
import dev.idic.stages.contract.RunPaths;
import dev.idic.stages.contract.StageReport;
import dev.idic.stages.contract.Tables;
import dev.idic.stages.settings.ModelSettings;
import dev.idic.stages.settings.PipelineSettings;
import dev.idic.stages.settings.RfmSettings;
import dev.idic.stages.settings.TierSettings;
import dev.idic.stages.settings.TimeUnit;
import dev.idic.stages.testing.LocalSpark;
import dev.idic.stages.testing.SharedData;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The models stage on the CDNOW calibration summary (weeks), as customer_features would carry it.
 */
class ModelsStageTest {

  private static final LocalDate AS_OF = LocalDate.of(1997, 9, 30);
  private static final StructType FEATURES =
      new StructType()
          .add("customer_id", DataTypes.StringType)
          .add("frequency", DataTypes.IntegerType)
          .add("recency", DataTypes.DoubleType)
          .add("T", DataTypes.DoubleType)
          .add("monetary_value", DataTypes.DoubleType);
  private final SparkSession spark = LocalSpark.session();

  private Dataset<Row> cdnowFeaturesDF() {
    return spark
        .read()
        .option("header", "true")
        .csv(SharedData.cdnow("cdnow_customers_summary_with_transactions.csv").toString())
        .select(
            col("ID").as("customer_id"),
            col("x").cast("int").as("frequency"),
            col("t_x").cast("double").as("recency"),
            col("T").cast("double").as("T"),
            col("zbar").cast("double").as("monetary_value"));
  }

  @Test
  void transformsCompressAndFitThePublishedParameters() {
    Dataset<Row> featuresDF = cdnowFeaturesDF();
    List<Row> patterns = ModelInputs.purchasePatterns(featuresDF).collectAsList();
    List<Row> spend = ModelInputs.spendPatterns(featuresDF).collectAsList();
    assertThat(patterns.stream().mapToLong(r -> r.getLong(3)).sum())
        .as("patterns cover every customer")
        .isEqualTo(2357);
    assertThat(patterns).as("identical histories are merged").hasSizeLessThan(2357);

    FittedModels fits = FittedModels.fit(patterns, spend, ModelSettings.defaults());
    Map<String, Double> estimates =
        ModelFitTable.of(spark, fits.all(), TimeUnit.WEEKS).collectAsList().stream()
            .collect(
                Collectors.toMap(r -> r.getString(0) + "." + r.getString(1), r -> r.getDouble(2)));
    assertThat(estimates.get("bgnbd.r")).as("r").isCloseTo(0.243, within(0.0005));
    assertThat(estimates.get("bgnbd.alpha")).as("alpha").isCloseTo(4.414, within(0.005));
    assertThat(estimates.get("bgnbd.a")).as("a").isCloseTo(0.793, within(0.0005));
    assertThat(estimates.get("bgnbd.b")).as("b").isCloseTo(2.426, within(0.005));
    assertThat(estimates.get("gamma_gamma.p")).as("p").isCloseTo(6.25, within(0.005));
    assertThat(estimates.get("gamma_gamma.q")).as("q").isCloseTo(3.74, within(0.005));
    assertThat(estimates.get("gamma_gamma.v")).as("v").isCloseTo(15.44, within(0.05));
    assertThat(fits.spend().customers()).as("946 repeat buyers").isEqualTo(946.0);
  }

  @Test
  void scoringInSparkReproducesTheReferenceCustomers() {
    CustomerScorer published =
        new CustomerScorer(
            new BgNbdModel(0.243, 4.414, 0.793, 2.426),
            new GammaGammaModel(6.25, 3.74, 15.44),
            new ClvSettings(12, 0.01, ClvSettings.WEEKS_PER_MONTH));
    Dataset<Row> scoresDF = CustomerScoring.score(cdnowFeaturesDF().repartition(3), published);
    Dataset<Row> referenceDF =
        spark
            .read()
            .option("header", "true")
            .csv(SharedData.cdnow("reference/cdnow_reference_per_customer.csv").toString())
            .select(
                col("customer_id"),
                col("bgnbd_pub_p_alive").cast("double").as("ref_p_alive"),
                col("gg_pub_expected_avg_value").cast("double").as("ref_value"),
                col("clv_12m_bgnbd_pub").cast("double").as("ref_clv"));
    List<Row> joined = scoresDF.join(referenceDF, "customer_id").collectAsList();
    assertThat(joined).as("every customer scored once").hasSize(2357);
    for (Row row : joined) {
      String id = row.getString(row.fieldIndex("customer_id"));
      double pAlive = row.getDouble(row.fieldIndex("p_alive"));
      assertThat(pAlive)
          .as("p_alive of %s", id)
          .isCloseTo(row.getDouble(row.fieldIndex("ref_p_alive")), within(1e-6 * pAlive));
      assertThat(row.getDouble(row.fieldIndex("churn_risk")))
          .as("churn_risk of %s", id)
          .isCloseTo(1 - pAlive, within(1e-15));
      double value = row.getDouble(row.fieldIndex("ref_value"));
      assertThat(row.getDouble(row.fieldIndex("expected_avg_value")))
          .as("expected_avg_value of %s", id)
          .isCloseTo(value, within(1e-6 * value));
      double clv = row.getDouble(row.fieldIndex("ref_clv"));
      assertThat(row.getDouble(row.fieldIndex("clv")))
          .as("clv of %s", id)
          .isCloseTo(clv, within(1e-4 * clv));
    }
  }

  @Test
  void stageWritesScoresAndModelFit(@TempDir Path warehouse) {
    for (ModelSettings.PurchaseModel purchaseModel : ModelSettings.PurchaseModel.values()) {
      RunContext context = context(warehouse, purchaseModel);
      cdnowFeaturesDF()
          .write()
          .mode(SaveMode.Overwrite)
          .parquet(context.paths().staged(Tables.CUSTOMER_FEATURES));

      StageReport report = new ModelsStage().run(context);

      Dataset<Row> scoresDF = spark.read().parquet(context.paths().staged(Tables.CUSTOMER_SCORES));
      Dataset<Row> fitDF = spark.read().parquet(context.paths().staged(Tables.MODEL_FIT));
      assertThat(report.counts()).as("report counts").containsEntry("scored", 2357L);
      assertThat(report.warnings()).as("clean fit, no warnings").isEmpty();
      assertThat(scoresDF.columns())
          .as("customer_scores columns")
          .containsExactly(
              "customer_id",
              "p_alive",
              "churn_risk",
              "expected_purchases_12m",
              "p_no_purchase_12m",
              "expected_avg_value",
              "clv");
      String model = purchaseModel == ModelSettings.PurchaseModel.BGNBD ? "bgnbd" : "pareto_nbd";
      List<Row> fitRows = fitDF.where(col("model").equalTo(model)).collectAsList();
      assertThat(fitRows).as("%s parameters", model).hasSize(4);
      assertThat(fitRows.get(0).getDouble(fitRows.get(0).fieldIndex("log_likelihood")))
          .as("%s log-likelihood", model)
          .isCloseTo(model.equals("bgnbd") ? -9582.4 : -9595.0, within(0.05));
      assertThat(fitRows)
          .as("converged, weeks, customers")
          .allSatisfy(
              r -> {
                assertThat(r.getBoolean(r.fieldIndex("converged"))).isTrue();
                assertThat(r.getString(r.fieldIndex("time_unit"))).isEqualTo("weeks");
                assertThat(r.getLong(r.fieldIndex("n_customers"))).isEqualTo(2357L);
              });
      long invalid =
          scoresDF
              .where(
                  col("p_alive")
                      .isNaN()
                      .or(col("clv").isNaN())
                      .or(col("expected_purchases_12m").isNaN())
                      .or(col("p_no_purchase_12m").lt(0))
                      .or(col("p_no_purchase_12m").gt(1))
                      .or(col("clv").lt(0)))
              .count();
      assertThat(invalid).as("no NaN or out-of-range score").isZero();
    }
  }

  @Test
  void unidentifiedFitFailsOrWarnsAsConfigured(@TempDir Path warehouse) {
    // Every repeat buyer bought on its last observed day: nothing shows dropout.
    List<Row> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 300; i++) {
      double age = 10 + i % 30;
      rows.add(RowFactory.create("c" + i, 1 + i % 5, age, age, 20.0 + i % 17));
    }
    for (int i = 0; i < 100; i++) {
      rows.add(RowFactory.create("z" + i, 0, 0.0, 5.0 + i % 30, 0.0));
    }
    StructType schema = FEATURES;
    RunContext failing = context(warehouse, ModelSettings.PurchaseModel.BGNBD, true);
    spark
        .createDataFrame(rows, schema)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(failing.paths().staged(Tables.CUSTOMER_FEATURES));

    assertThatThrownBy(() -> new ModelsStage().run(failing))
        .as("failOnNonConvergence stops the run with a clear message: bad data, exit 3")
        .isInstanceOf(IdicException.class)
        .hasMessageContaining("bgnbd fit is not usable")
        .hasCauseInstanceOf(ModelFitException.class)
        .extracting(e -> ((IdicException) e).exitCode())
        .isEqualTo(ExitCode.INPUT_REJECTED);

    StageReport report =
        new ModelsStage().run(context(warehouse, ModelSettings.PurchaseModel.BGNBD, false));
    assertThat(report.warnings())
        .as("without failOnNonConvergence the problem is a warning")
        .anyMatch(w -> w.startsWith("bgnbd: "));
    assertThat(report.details()).as("boundary recorded").containsEntry("bgnbd.at_boundary", true);
    List<Row> fitRows =
        spark
            .read()
            .parquet(failing.paths().staged(Tables.MODEL_FIT))
            .where("model = 'bgnbd'")
            .collectAsList();
    assertThat(fitRows)
        .as("model_fit says why, in plain words, on every row of the model")
        .isNotEmpty()
        .allSatisfy(
            row ->
                assertThat(row.<String>getAs("warning"))
                    .containsAnyOf("ran off towards", "Hessian is not positive definite"));
  }

  @Test
  void aFitPastItsTimeBudgetRejectsTheInputNamingTheBudget(@TempDir Path warehouse) {
    // A budget of one nanosecond is spent by the first evaluation: deterministic, no timing.
    RunContext context =
        context(
            warehouse,
            new ModelSettings(ModelSettings.PurchaseModel.BGNBD, 12, 0.01, 0, true, 1e-9));
    cdnowFeaturesDF()
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(context.paths().staged(Tables.CUSTOMER_FEATURES));

    assertThatThrownBy(() -> new ModelsStage().run(context))
        .as("a rerun would stall the same way: exit 3, not 1")
        .isInstanceOf(IdicException.class)
        .hasMessageContaining("bgnbd fit ran out of its time budget of 1.0E-9 s")
        .hasMessageContaining("models.penalizer")
        .extracting(e -> ((IdicException) e).exitCode())
        .isEqualTo(ExitCode.INPUT_REJECTED);
  }

  @Test
  void noRepeatBuyersRejectsTheInputNamingTheModelAndTheCount(@TempDir Path warehouse) {
    // One purchase day each, and one repeat buyer whose repeat days net to a refund.
    List<Row> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      rows.add(RowFactory.create("c" + i, 0, 0.0, 5.0 + i % 10, 0.0));
    }
    rows.add(RowFactory.create("r1", 2, 4.0, 9.0, -5.0));
    RunContext context = context(warehouse, ModelSettings.PurchaseModel.BGNBD);
    spark
        .createDataFrame(rows, FEATURES)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(context.paths().staged(Tables.CUSTOMER_FEATURES));

    assertThatThrownBy(() -> new ModelsStage().run(context))
        .as("too little data to fit is an input problem, never a retryable failure")
        .isInstanceOf(IdicException.class)
        .hasMessageContaining("gamma_gamma")
        .hasMessageContaining("found 0 among 41 customers")
        .hasMessageContaining("1 repeat buyers net to zero or less")
        .hasMessageContaining("Fix: supply a longer transaction history")
        .extracting(e -> ((IdicException) e).exitCode())
        .isEqualTo(ExitCode.INPUT_REJECTED);
  }

  @Test
  void fitDoesNotDependOnTheOrderSparkReturnsPatterns() {
    Dataset<Row> featuresDF = cdnowFeaturesDF();
    List<Row> patterns = ModelInputs.purchasePatterns(featuresDF).collectAsList();
    List<Row> spend = ModelInputs.spendPatterns(featuresDF).collectAsList();
    List<Row> reversedPatterns = new java.util.ArrayList<>(patterns);
    java.util.Collections.reverse(reversedPatterns);
    List<Row> reversedSpend = new java.util.ArrayList<>(spend);
    java.util.Collections.reverse(reversedSpend);
    FittedModels once = FittedModels.fit(patterns, spend, ModelSettings.defaults());
    FittedModels again =
        FittedModels.fit(reversedPatterns, reversedSpend, ModelSettings.defaults());
    assertThat(again.purchase().estimates())
        .as("bit-identical purchase estimates")
        .containsExactly(once.purchase().estimates());
    assertThat(again.spend().estimates())
        .as("bit-identical spend estimates")
        .containsExactly(once.spend().estimates());
  }

  private RunContext context(Path warehouse, ModelSettings.PurchaseModel purchaseModel) {
    return context(warehouse, purchaseModel, true);
  }

  private RunContext context(
      Path warehouse, ModelSettings.PurchaseModel purchaseModel, boolean failOnNonConvergence) {
    return context(
        warehouse, new ModelSettings(purchaseModel, 12, 0.01, 0.0, failOnNonConvergence, 300));
  }

  private RunContext context(Path warehouse, ModelSettings models) {
    PipelineSettings settings =
        new PipelineSettings(
            ZoneOffset.UTC,
            TimeUnit.WEEKS,
            warehouse.toUri().toString(),
            null,
            null,
            null,
            null,
            0.0,
            RfmSettings.quintiles(),
            TierSettings.defaults(),
            models,
            dev.idic.stages.settings.ContactSettings.defaults(),
            dev.idic.stages.settings.ValidationSettings.OFF);
    return new RunContext(spark, AS_OF, settings, new RunPaths(settings.warehouse(), AS_OF));
  }
}
