package dev.idic.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every CDNOW customer against {@code reference/cdnow_reference_per_customer.csv} (lifetimes
 * 0.11.3): with the published parameters to a relative 1e-6 (1e-4 for CLV), and with our own fits
 * against lifetimes' fits to the precision two optimizers agree on.
 */
class ReferencePerCustomerTest {

  private static final ClvSettings TWELVE_MONTHS = new ClvSettings(12, 0.01, 4.345);

  @Test
  void publishedParametersReproduceEveryCustomer() {
    BgNbdModel bgnbd = new BgNbdModel(0.243, 4.414, 0.793, 2.426);
    GammaGammaModel gg = new GammaGammaModel(6.25, 3.74, 15.44);
    CustomerScorer scorer = new CustomerScorer(bgnbd, gg, TWELVE_MONTHS);
    List<Row> rows = rows();
    assertThat(rows).as("all customers").hasSize(2357);
    for (Row row : rows) {
      assertRelative(
          row,
          "P(alive)",
          bgnbd.probabilityAlive(row.x, row.tx, row.T),
          row.get("bgnbd_pub_p_alive"),
          1e-6);
      assertRelative(
          row,
          "expected purchases 39w",
          bgnbd.expectedPurchases(39, row.x, row.tx, row.T),
          row.get("bgnbd_pub_exp_purchases_39w"),
          1e-6);
      CustomerScore score = scorer.score(row.x, row.tx, row.T, row.m);
      assertRelative(
          row,
          "expected average value",
          score.expectedAverageValue(),
          row.get("gg_pub_expected_avg_value"),
          1e-6);
      assertRelative(row, "12-month CLV", score.clv(), row.get("clv_12m_bgnbd_pub"), 1e-4);
    }
  }

  @Test
  void ownFitsAgreeWithTheReferenceFits() {
    List<CdnowData.Customer> customers = CdnowData.summary();
    PurchasePatterns patterns = CdnowData.patterns(customers);
    BgNbdModel bgnbd = BgNbdFitter.fit(patterns, FitOptions.defaults()).requireUsable();
    ParetoNbdModel pnbd = ParetoNbdFitter.fit(patterns, FitOptions.defaults()).requireUsable();
    GammaGammaModel gg =
        GammaGammaFitter.fit(CdnowData.repeatBuyers(customers), FitOptions.defaults())
            .requireUsable();
    CustomerScorer bgScorer = new CustomerScorer(bgnbd, gg, TWELVE_MONTHS);
    CustomerScorer pnbdScorer = new CustomerScorer(pnbd, gg, TWELVE_MONTHS);
    for (Row row : rows()) {
      // lifetimes stops BFGS at gtol 1e-5 and Nelder-Mead at 1e-4: its fits are good to ~1e-4.
      assertRelative(
          row,
          "BG/NBD P(alive)",
          bgnbd.probabilityAlive(row.x, row.tx, row.T),
          row.get("bgnbd_p_alive"),
          1e-4);
      assertRelative(
          row,
          "BG/NBD expected purchases 39w",
          bgnbd.expectedPurchases(39, row.x, row.tx, row.T),
          row.get("bgnbd_exp_purchases_39w"),
          1e-4);
      assertRelative(
          row,
          "Pareto/NBD P(alive)",
          pnbd.probabilityAlive(row.x, row.tx, row.T),
          row.get("pnbd_p_alive"),
          2e-3);
      assertRelative(
          row,
          "Pareto/NBD expected purchases 39w",
          pnbd.expectedPurchases(39, row.x, row.tx, row.T),
          row.get("pnbd_exp_purchases_39w"),
          2e-3);
      assertRelative(
          row,
          "expected average value",
          gg.conditionalExpectedAverageValue(row.x, row.m),
          row.get("gg_expected_avg_value"),
          1e-4);
      assertRelative(
          row,
          "BG/NBD CLV",
          bgScorer.score(row.x, row.tx, row.T, row.m).clv(),
          row.get("clv_12m_bgnbd"),
          1e-3);
      assertRelative(
          row,
          "Pareto/NBD CLV",
          pnbdScorer.score(row.x, row.tx, row.T, row.m).clv(),
          row.get("clv_12m_pnbd"),
          3e-3);
    }
  }

  private static void assertRelative(
      Row row, String what, double actual, double expected, double relative) {
    assertThat(actual)
        .as("%s of customer %s", what, row.id)
        .isCloseTo(expected, within(relative * Math.max(Math.abs(expected), 1e-12)));
  }

  private record Row(
      String id, int x, double tx, double T, double m, List<String> header, String[] fields) {
    double get(String column) {
      return Double.parseDouble(fields[header.indexOf(column)]);
    }
  }

  private static List<Row> rows() {
    List<String> lines = CdnowData.lines("reference/cdnow_reference_per_customer.csv");
    List<String> header = Arrays.asList(lines.get(0).split(","));
    return lines.stream()
        .skip(1)
        .filter(l -> !l.isBlank())
        .map(l -> l.split(","))
        .map(
            f ->
                new Row(
                    f[0],
                    (int) Double.parseDouble(f[1]),
                    Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]),
                    header,
                    f))
        .toList();
  }
}
