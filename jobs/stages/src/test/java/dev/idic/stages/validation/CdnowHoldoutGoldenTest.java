package dev.idic.stages.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.idic.model.BgNbdModel;
import dev.idic.stages.contract.RunContext;
import dev.idic.stages.contract.Tables;
import dev.idic.stages.ingest.IngestStage;
import dev.idic.stages.settings.PipelineSettings;
import dev.idic.stages.settings.TimeUnit;
import dev.idic.stages.settings.ValidationSettings;
import dev.idic.stages.testing.LocalSpark;
import dev.idic.stages.testing.SharedData;
import dev.idic.stages.testing.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The holdout backtest on the CDNOW 1/10 sample, the BTYD literature's benchmark: weeks,
 * calibration 1997-01-01..1997-09-30, holdout 39 weeks to 1998-06-30, as in Fader, Hardie and Lee
 * (2005), "Counting your customers the easy way", Marketing Science 24(2), section 7.
 *
 * <p>Sources of the figures: the actual counts (2,457 calibration and 1,882 holdout repeat
 * transactions, so 4,339 cumulative at week 78; 1,411 customers without a repeat purchase in
 * calibration) are those FHL's tracking and conditional-expectation comparisons are drawn on, as
 * counted in ../shared/data/cdnow/README.md. The fitted parameters are FHL's (BG/NBD 0.243, 4.414,
 * 0.793, 2.426) and the Pareto/NBD ones they compare with (0.553, 10.578, 0.606, 11.669). E[X(78)]
 * = 1.8576 is Hardie's BG/NBD spreadsheet (lifetimes' test_expectation_returns_same_value_
 * Hardie_excel_sheet). The weekly Pareto/NBD tracking figures (weeks 20..25) are the BTYD
 * walkthrough's (McCarthy and Wadsworth, as lifetimes' test_expected_cumulative_transactions_
 * equals_r_btyd_walktrough asserts them). The per-customer conditional expectations are lifetimes
 * 0.11.3's (reference/cdnow_reference_per_customer.csv) and the holdout counts its
 * calibration_and_holdout_data (reference/cdnow_rebuilt_summary.csv); from those the test computes
 * the correlation and the zero-class means the pipeline must reproduce.
 */
class CdnowHoldoutGoldenTest {

  @TempDir static Path warehouse;
  static Map<String, Double> bgnbd;
  static Map<String, Double> pnbd;
  static List<Row> tracking;
  static List<Row> calibration;
  static HoldoutValidation validation;

  @BeforeAll
  static void runStages() {
    LocalDate asOf = LocalDate.parse("1998-06-30");
    PipelineSettings base =
        TestRuns.context(
                TestRuns.cdnowSample(SharedData.cdnow("CDNOW_sample.txt")),
                TimeUnit.WEEKS,
                warehouse,
                asOf)
            .settings();
    RunContext context =
        TestRuns.context(
            TestRuns.withValidation(base, new ValidationSettings(39, Double.NaN)), asOf);
    new IngestStage().run(context);
    new ValidationStage().run(context);
    bgnbd = new HashMap<>();
    pnbd = new HashMap<>();
    for (Row row : read(context, Tables.MODEL_VALIDATION)) {
      Map<String, Double> target =
          switch (row.getString(0)) {
            case "bgnbd" -> bgnbd;
            case "pareto_nbd" -> pnbd;
            default -> new HashMap<>();
          };
      target.put(row.getString(1), row.isNullAt(2) ? Double.NaN : row.getDouble(2));
      assertThat(row.getDate(3).toString()).isEqualTo("1997-09-30");
      assertThat(row.getDate(4).toString()).isEqualTo("1998-06-30");
    }
    tracking = read(context, Tables.MODEL_TRACKING);
    calibration = read(context, Tables.MODEL_CALIBRATION);
  }

  private static List<Row> read(RunContext context, dev.idic.stages.contract.Table table) {
    return LocalSpark.session().read().parquet(context.paths().staged(table)).collectAsList();
  }

  @Test
  void theActualCountsAreFhlsCohort() {
    for (Map<String, Double> m : List.of(bgnbd, pnbd)) {
      assertThat(m.get("cum_repeat_actual")).as("repeat transactions to week 78").isEqualTo(4339);
      assertThat(m.get("holdout_purchases_actual")).as("weeks 40-78").isEqualTo(1882);
      assertThat(m.get("zero_class_n")).as("x = 0 in calibration").isEqualTo(1411);
    }
  }

  @Test
  void theWeek78TrackingComparisonIsTheSumOfEachCustomersUnconditionalExpectation()
      throws Exception {
    // The maximum likelihood estimates at full precision (reference/lifetimes_params.json, equal
    // to FHL's 0.243, 4.414, 0.793, 2.426 to 3 digits): Hardie's sheet is computed at those.
    BgNbdModel published =
        new BgNbdModel(
            0.24259292827982182, 4.413532265271819, 0.7928859664406882, 2.42575238262586);
    assertThat(published.unconditionalExpectedPurchases(78))
        .as("Hardie's spreadsheet E[X(78)]")
        .isCloseTo(1.8576, within(0.001));
    double expected = 0;
    for (String[] f : csv("reference/cdnow_rebuilt_summary.csv")) {
      expected += published.unconditionalExpectedPurchases(Double.parseDouble(f[3]) + 39);
    }
    assertThat(bgnbd.get("cum_repeat_expected"))
        .as("sum of E[X(T + 39)] over the 2,357 customers")
        .isCloseTo(expected, within(expected * 0.002));
    assertThat(bgnbd.get("cum_repeat_error"))
        .isCloseTo(bgnbd.get("cum_repeat_expected") / 4339 - 1, within(1e-12));
    // FHL's point: both models track week 78 within a few percent.
    assertThat(Math.abs(bgnbd.get("cum_repeat_error"))).isLessThan(0.05);
    assertThat(Math.abs(pnbd.get("cum_repeat_error"))).isLessThan(0.05);
  }

  /**
   * FHL's section 7 figures for this data set, as quoted in a secondary transcription of the paper
   * (p. 281 and Table 3; the primary PDF could not be consulted when this test was written): at
   * week 78 BG/NBD under-forecasts cumulative repeat transactions by 4% and Pareto/NBD by 2%; the
   * 1,411 customers without a calibration repeat purchase make 334 transactions in weeks 40-78, 18%
   * of the holdout's; the BG/NBD conditional expectations correlate 0.626 with the holdout
   * purchases. The 334 and the 0.626 are also what the independent counts in
   * ../shared/data/cdnow/reference give, which confirms the transcription where it can be checked.
   * Percentages are published rounded to whole points, so the bound is half a point.
   */
  @Test
  void fhlsPublishedHoldoutFiguresAreReproduced() {
    assertThat(bgnbd.get("cum_repeat_error")).as("BG/NBD week 78").isCloseTo(-0.04, within(0.005));
    assertThat(pnbd.get("cum_repeat_error"))
        .as("Pareto/NBD week 78")
        .isCloseTo(-0.02, within(0.005));
    for (Map<String, Double> m : List.of(bgnbd, pnbd)) {
      assertThat(m.get("zero_class_actual_mean") * m.get("zero_class_n"))
          .as("zero class holdout transactions")
          .isCloseTo(334, within(1e-6));
    }
    assertThat(334.0 / bgnbd.get("holdout_purchases_actual")).isCloseTo(0.18, within(0.005));
    assertThat(bgnbd.get("corr_conditional")).as("Table 3").isCloseTo(0.626, within(0.0005));
  }

  @Test
  void theTrackingTableEndsAtWeek78WithTheValidationFigures() {
    Map<Integer, Row> weeks = weeks("bgnbd");
    assertThat(weeks).hasSize(78);
    assertThat(weeks.get(1).getDate(2).toString()).as("week 1 ends").isEqualTo("1997-01-07");
    assertThat(weeks.get(39).getString(3)).isEqualTo("calibration");
    assertThat(weeks.get(39).getLong(5)).as("calibration repeat transactions").isEqualTo(2457);
    assertThat(weeks.get(40).getString(3)).isEqualTo("holdout");
    assertThat(weeks.get(78).getLong(5)).isEqualTo(4339);
    assertThat(weeks.get(78).getDouble(7))
        .isCloseTo(bgnbd.get("cum_repeat_expected"), within(1e-6));
  }

  /**
   * The actual weeks match exactly. BTYD measures a customer's age at the end of week k as 7k days
   * after 1 January minus its first purchase day; IDIC counts the age to the end of the period's
   * last day the way T is counted (as-of date minus first purchase day), one day less. The cohort
   * makes about 11 repeat purchases a day in those weeks, so the expected cumulative figures sit
   * about 11 below BTYD's: the bound is 1% of the figure; the weekly increments barely move.
   */
  @Test
  void paretoNbdTracksAsTheBtydWalkthrough() {
    Map<Integer, Row> weeks = weeks("pareto_nbd");
    long[] actualCumulative = {1359, 1414, 1484, 1517, 1573, 1672};
    long[] actualIncremental = {73, 55, 70, 33, 56, 99};
    double[] expectedCumulative = {1309, 1385, 1460, 1533, 1604, 1674};
    double[] expectedIncremental = {78.31, 76.42, 74.65, 72.98, 71.41, 69.93};
    for (int i = 0; i < 6; i++) {
      Row week = weeks.get(20 + i);
      assertThat(week.getLong(4)).as("actual week %d", 20 + i).isEqualTo(actualIncremental[i]);
      assertThat(week.getLong(5)).as("actual cum %d", 20 + i).isEqualTo(actualCumulative[i]);
      assertThat(week.getDouble(6))
          .as("expected week %d", 20 + i)
          .isCloseTo(expectedIncremental[i], within(1.0));
      assertThat(week.getDouble(7))
          .as("expected cum %d", 20 + i)
          .isCloseTo(expectedCumulative[i], within(expectedCumulative[i] * 0.01));
    }
  }

  @Test
  void conditionalExpectationsAndTheZeroClassMatchTheReferenceImplementation() throws Exception {
    Map<String, Integer> holdout = new HashMap<>();
    for (String[] f : csv("reference/cdnow_rebuilt_summary.csv")) {
      holdout.put(f[0], (int) Double.parseDouble(f[5]));
    }
    double sumExpected = 0;
    double zeroExpected = 0;
    double zeroActual = 0;
    int zero = 0;
    int n = 0;
    double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    for (String[] f : csv("reference/cdnow_reference_per_customer.csv")) {
      double e = Double.parseDouble(f[6]);
      double a = holdout.get(f[0]);
      sumExpected += e;
      n++;
      sx += e;
      sy += a;
      sxx += e * e;
      syy += a * a;
      sxy += e * a;
      if (Integer.parseInt(f[1]) == 0) {
        zero++;
        zeroExpected += e;
        zeroActual += a;
      }
    }
    double corr = (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
    assertThat(bgnbd.get("holdout_purchases_expected"))
        .isCloseTo(sumExpected, within(sumExpected * 1e-3));
    assertThat(bgnbd.get("corr_conditional")).isCloseTo(corr, within(1e-3));
    assertThat(bgnbd.get("zero_class_actual_mean")).isCloseTo(zeroActual / zero, within(1e-9));
    assertThat(bgnbd.get("zero_class_expected_mean")).isCloseTo(zeroExpected / zero, within(1e-3));
    // FHL: the zero class buys more in the holdout than both models expect of it.
    assertThat(bgnbd.get("zero_class_actual_mean"))
        .isGreaterThan(bgnbd.get("zero_class_expected_mean"));
    assertThat(bgnbd.get("auc_no_purchase")).isBetween(0.5, 1.0);
    assertThat(bgnbd.get("brier_no_purchase")).isBetween(0.0, 0.25);
  }

  @Test
  void theCalibrationTableGroupsFrequencies0To7Plus() throws Exception {
    Map<Integer, Long> customers = new HashMap<>();
    for (String[] f : csv("reference/cdnow_rebuilt_summary.csv")) {
      customers.merge(Math.min(7, (int) Double.parseDouble(f[1])), 1L, Long::sum);
    }
    List<Row> rows = calibration.stream().filter(r -> r.getString(0).equals("bgnbd")).toList();
    assertThat(rows).hasSize(8);
    for (Row row : rows) {
      assertThat(row.getLong(3))
          .as("group %s", row.getString(1))
          .isEqualTo(customers.get(row.getInt(2)));
    }
    assertThat(rows.stream().filter(r -> r.getInt(2) == 7).findFirst().orElseThrow().getString(1))
        .isEqualTo("7+");
  }

  private static Map<Integer, Row> weeks(String model) {
    Map<Integer, Row> weeks = new HashMap<>();
    tracking.stream()
        .filter(r -> r.getString(0).equals(model))
        .forEach(r -> weeks.put(r.getInt(1), r));
    return weeks;
  }

  private static List<String[]> csv(String file) throws Exception {
    List<String> lines = Files.readAllLines(SharedData.cdnow(file));
    return lines.subList(1, lines.size()).stream().map(l -> l.split(",")).toList();
  }
}
