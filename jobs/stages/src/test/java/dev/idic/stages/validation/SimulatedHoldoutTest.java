package dev.idic.stages.validation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idic.stages.settings.ModelSettings;
import dev.idic.stages.settings.TimeUnit;
import dev.idic.stages.testing.LocalSpark;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Transactions drawn from BG/NBD with known parameters (CDNOW's, in weeks) must validate as well as
 * sampling noise allows: the model is true, so whatever error is left is chance.
 *
 * <p>The bounds are four standard errors, estimated from the drawn data itself: for the cumulative
 * repeat transactions, the standard error of the actual total (per-customer sample standard
 * deviation of the repeat count times the square root of the customers), relative to the total; for
 * each calibration-frequency group, the standard error of the group's mean actual holdout
 * purchases. Four, not two, because the expectation also carries the error of parameters fitted on
 * the same customers' calibration period; the seed is fixed, so the test is deterministic.
 */
class SimulatedHoldoutTest {

  static final int CUSTOMERS = 10_000;
  static final LocalDate START = LocalDate.parse("2025-01-01");
  static final LocalDate AS_OF = START.plusDays(545);
  static HoldoutValidation validation;
  static Dataset<Row> customersDF;

  @BeforeAll
  static void drawAndValidate() {
    HoldoutWindow window = HoldoutWindow.endingAt(AS_OF, 39, TimeUnit.WEEKS);
    Dataset<Row> transactionsDF = transactions(0.243, 4.414, 0.793, 2.426, 42L);
    customersDF = HoldoutCustomers.from(transactionsDF, window).cache();
    validation =
        HoldoutValidation.run(customersDF, transactionsDF, window, ModelSettings.defaults());
  }

  /** First purchases spread over the first 12 weeks, as a quarter's cohort. */
  static Dataset<Row> transactions(double r, double alpha, double a, double b, long seed) {
    RandomGenerator random = new Well19937c(seed);
    GammaDistribution rates = new GammaDistribution(random, r, 1.0 / alpha);
    BetaDistribution dropouts = new BetaDistribution(random, a, b);
    List<Row> rows = new ArrayList<>();
    double horizonWeeks = 546 / 7.0;
    for (int i = 0; i < CUSTOMERS; i++) {
      String id = "c" + i;
      int firstDay = random.nextInt(84);
      rows.add(row(id, firstDay));
      double lambda = rates.sample();
      double p = dropouts.sample();
      double t = 0;
      while (true) {
        t += -Math.log(1.0 - random.nextDouble()) / lambda;
        int day = firstDay + (int) Math.floor(t * 7);
        if (t > horizonWeeks || day > 545) {
          break;
        }
        rows.add(row(id, day));
        if (random.nextDouble() < p) {
          break;
        }
      }
    }
    StructType schema =
        new StructType()
            .add("customer_id", DataTypes.StringType)
            .add("purchase_date", DataTypes.DateType)
            .add("amount", DataTypes.createDecimalType(18, 2));
    return LocalSpark.session().createDataFrame(rows, schema);
  }

  private static Row row(String id, int day) {
    return RowFactory.create(
        id, Date.valueOf(START.plusDays(day)), new java.math.BigDecimal("25.00"));
  }

  @Test
  void cumulativeRepeatErrorIsWithinSamplingNoise() {
    Row spread =
        customersDF
            .select(col("frequency").plus(col("holdout_purchases")).as("repeats"))
            .agg(stddev_samp("repeats"))
            .first();
    double actual = validation.metric("bgnbd", "cum_repeat_actual");
    double bound = 4 * spread.getDouble(0) * Math.sqrt(CUSTOMERS) / actual;

    assertThat(Math.abs(validation.metric("bgnbd", "cum_repeat_error")))
        .as("|cum_repeat_error| against 4 standard errors (%.4f)", bound)
        .isLessThan(bound);
    assertThat(bound).as("the bound is tight enough to mean something").isLessThan(0.1);
  }

  @Test
  void calibrationTableMeansAreWithinSamplingNoise() {
    Map<Integer, Double> standardErrors = new HashMap<>();
    for (Row g :
        customersDF
            .groupBy(least(col("frequency"), lit(ModelCalibration.CENSOR)).as("group"))
            .agg(stddev_samp("holdout_purchases"), count(lit(1)))
            .collectAsList()) {
      standardErrors.put(g.getInt(0), g.getDouble(1) / Math.sqrt(g.getLong(2)));
    }
    List<Row> rows =
        validation.calibration().stream().filter(r -> r.getString(0).equals("bgnbd")).toList();
    assertThat(rows).hasSize(8);
    for (Row row : rows) {
      double error = Math.abs(row.getDouble(4) - row.getDouble(5));
      assertThat(error)
          .as("group %s: |actual - expected| mean against 4 standard errors", row.getString(1))
          .isLessThanOrEqualTo(4 * standardErrors.get(row.getInt(2)) + 1e-9);
    }
  }

  @Test
  void theFitsRecoverTheDrawingModel() {
    double[] estimates = validation.fits().configured().estimates();
    assertThat(validation.fits().configured().modelName()).isEqualTo("bgnbd");
    assertThat(estimates[0]).as("r").isBetween(0.2, 0.29);
    assertThat(validation.fits().configured().warnings()).isEmpty();
  }
}
