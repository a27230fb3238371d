package dev.idic.batch.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.idic.batch.testing.InProcessIdic;
import dev.idic.stages.testing.LocalSpark;
import dev.idic.stages.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code conf/examples/cdnow_holdout.yaml} through the CLI: the night of 1998-06-30
 * with a 39-week holdout publishes Fader, Hardie and Lee's (2005, Marketing Science 24(2), section
 * 7) CDNOW holdout comparison for BG/NBD and Pareto/NBD, and the quality gate guards the night.
 *
 * <p>Figures: 4,339 repeat transactions of the cohort to week 78 (2,457 in calibration, 1,882 in
 * the holdout, distinct purchase days) and 1,411 customers without a calibration repeat purchase,
 * the actuals FHL's tracking and conditional-expectation comparisons use (counted in
 * ../shared/data/cdnow/README.md). FHL's section 7 results, as quoted in a secondary transcription
 * of the paper (p. 281 and Table 3; the primary PDF could not be consulted): at week 78 BG/NBD
 * under-forecasts by 4% and Pareto/NBD by 2% (whole points, so half a point of tolerance); the zero
 * class makes 334 transactions in weeks 40-78; the BG/NBD conditional expectations correlate 0.626
 * with the holdout purchases. The 334 and the 0.626 agree with the independent counts in
 * ../shared/data/cdnow/reference. The per-customer reproduction against the reference
 * implementation is in the stages module's CdnowHoldoutGoldenTest.
 */
class CdnowHoldoutIT {

  static final String AS_OF = "1998-06-30";

  @TempDir Path dir;

  @Test
  void cdnowHoldoutExamplePublishesFhlsComparisonAndTheGateGuardsTheNight() throws Exception {
    Path sample = SharedData.cdnow("CDNOW_sample.txt");
    Path root = Path.of(System.getProperty("idic.project.root", "../.."));
    Path shipped = root.resolve("conf/examples/cdnow_holdout.yaml").toAbsolutePath();
    InProcessIdic idic =
        InProcessIdic.production(dir)
            .withEnvironment("IDIC_WORK_DIR", dir.resolve("work").toString())
            .withEnvironment("IDIC_WAREHOUSE", dir.resolve("warehouse").toString());

    // given the shipped example, when the night runs, then it publishes FHL's comparison
    InProcessIdic.Outcome first =
        idic.execute("run", "--as-of", AS_OF, "--conf", shipped.toString());
    assertThat(first.code()).as("exit code: %s", first).isZero();
    assertThat(first.output())
        .as("the console summary")
        .contains("Holdout backtest, fitted to 1997-09-30, predicting to 1998-06-30")
        .contains("bgnbd", "pareto_nbd", "gamma_gamma");
    System.out.println(first.output());
    Map<String, Map<String, Double>> figures = published();
    for (String model : new String[] {"bgnbd", "pareto_nbd"}) {
      Map<String, Double> m = figures.get(model);
      assertThat(m.get("cum_repeat_actual")).as("%s week 78 actual", model).isEqualTo(4339);
      assertThat(m.get("holdout_purchases_actual")).as(model).isEqualTo(1882);
      assertThat(m.get("zero_class_n")).as(model).isEqualTo(1411);
      assertThat(m.get("zero_class_actual_mean") * m.get("zero_class_n"))
          .as("%s zero class holdout transactions", model)
          .isCloseTo(334, within(1e-6));
      assertThat(m.get("zero_class_actual_mean")).isGreaterThan(m.get("zero_class_expected_mean"));
    }
    assertThat(figures.get("bgnbd").get("cum_repeat_error"))
        .as("BG/NBD under-forecasts week 78 by 4%")
        .isCloseTo(-0.04, within(0.005));
    assertThat(figures.get("pareto_nbd").get("cum_repeat_error"))
        .as("Pareto/NBD under-forecasts week 78 by 2%")
        .isCloseTo(-0.02, within(0.005));
    assertThat(figures.get("bgnbd").get("corr_conditional"))
        .as("Table 3")
        .isCloseTo(0.626, within(0.0005));
    assertThat(figures.get("gamma_gamma")).containsKeys("spend_mean_actual", "corr_spend");
    assertThat(
            LocalSpark.session()
                .read()
                .parquet(dir.resolve("warehouse/model_tracking/as_of_date=" + AS_OF).toString())
                .where("model = 'bgnbd'")
                .count())
        .as("weeks 1..78")
        .isEqualTo(78);
    Path success = dir.resolve("warehouse/model_validation/as_of_date=" + AS_OF + "/_SUCCESS");
    FileTime published = Files.getLastModifiedTime(success);

    // when the same night is forced with a gate tighter than the error, then exit 6, nothing
    // published, the figure and threshold in the message
    double error = Math.abs(figures.get("bgnbd").get("cum_repeat_error"));
    Path tight = config(shipped, sample, error / 2);
    InProcessIdic.Outcome gated =
        idic.execute("run", "--as-of", AS_OF, "--conf", tight.toString(), "--force");
    assertThat(gated.code()).as("exit code: %s", gated).isEqualTo(6);
    assertThat(gated.output())
        .contains("|cum_repeat_error| is")
        .contains("validation.max_abs_error")
        .contains("_staging/as_of_date=" + AS_OF + "/model_validation");
    assertThat(Files.getLastModifiedTime(success))
        .as("the previous partition stays the current one")
        .isEqualTo(published);
    assertThat(
            Files.isDirectory(
                dir.resolve("warehouse/_staging/as_of_date=" + AS_OF + "/model_validation")))
        .as("the validation tables are kept for the user")
        .isTrue();

    // when it runs again with a looser threshold, then it publishes
    InProcessIdic.Outcome loose =
        idic.execute(
            "run",
            "--as-of",
            AS_OF,
            "--conf",
            config(shipped, sample, error * 2).toString(),
            "--force");
    assertThat(loose.code()).as("exit code: %s", loose).isZero();
    assertThat(Files.getLastModifiedTime(success)).isNotEqualTo(published);
  }

  private Map<String, Map<String, Double>> published() {
    Map<String, Map<String, Double>> figures = new HashMap<>();
    for (Row row :
        LocalSpark.session()
            .read()
            .parquet(dir.resolve("warehouse/model_validation/as_of_date=" + AS_OF).toString())
            .collectAsList()) {
      figures
          .computeIfAbsent(row.getAs("model"), m -> new HashMap<>())
          .put(row.getAs("metric"), row.isNullAt(2) ? Double.NaN : row.getDouble(2));
    }
    return figures;
  }

  /** The shipped example with the input's absolute path and another gate threshold. */
  private Path config(Path shipped, Path sample, double maxAbsError) throws Exception {
    String yaml =
        Files.readString(shipped)
            .replace("../../../shared/data/cdnow/CDNOW_sample.txt", sample.toString())
            .replace("max_abs_error: 0.15", "max_abs_error: " + maxAbsError);
    Path file = dir.resolve("cdnow_holdout_" + maxAbsError + ".yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
