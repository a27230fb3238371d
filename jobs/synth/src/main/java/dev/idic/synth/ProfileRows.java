package dev.idic.synth;

import dev.idic.synth.CustomerHistory.Line;
import dev.idic.synth.Draws.Stream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The customers file (signup and free attributes) and the wallet estimates: for a subset of
 * customers, the yearly category spend an outside source estimates, always above what the customer
 * spends with us (our share of wallet is drawn from Beta(2, 3)).
 */
final class ProfileRows implements Serializable {

  private static final String[] REGIONS = {"north", "south", "east", "west", "central"};
  private static final double[] REGION_WEIGHTS = {0.2, 0.25, 0.15, 0.15, 0.25};
  private static final String[] SEGMENTS = {"consumer", "family", "student", "professional"};
  private static final double[] SEGMENT_WEIGHTS = {0.5, 0.25, 0.1, 0.15};

  private final CustomerSimulator simulator;

  ProfileRows(CustomerSimulator simulator) {
    this.simulator = simulator;
  }

  Iterator<Row> customer(Long index) {
    Draws draws = Draws.of(simulator.spec().seed(), index, Stream.PROFILE);
    String region = draws.pick(REGIONS, REGION_WEIGHTS);
    String segment = draws.pick(SEGMENTS, SEGMENT_WEIGHTS);
    // Half sign up at the first purchase, the others some days before it.
    double leadDays = draws.chance(0.5) ? 0 : draws.exponential(7);
    CustomerHistory history = simulator.simulate(index);
    Timeline timeline = simulator.timeline();
    double signup = history.acquiredAt() - leadDays;
    return List.of(
            RowFactory.create(
                Ids.customer(index), timeline.iso(timeline.instant(signup)), region, segment))
        .iterator();
  }

  Iterator<Row> walletEstimate(Long index) {
    Draws draws = Draws.of(simulator.spec().seed(), index, Stream.WALLET);
    if (!draws.chance(simulator.spec().model().service().walletShare())) {
      return Collections.emptyIterator();
    }
    double shareOfWallet = Math.min(0.95, Math.max(0.05, draws.beta(2, 3)));
    CustomerHistory history = simulator.simulate(index);
    GenerativeModel.Spend spend = simulator.spec().model().spend();
    double expectedYearly = 365 * history.purchaseRate() * spend.p() / history.spendRate();
    double observedLastYear = lastYearSpend(history);
    double estimate = Math.max(expectedYearly, observedLastYear) / shareOfWallet;
    // Estimates from market research are rough: whole tens of euros, never below 50.
    BigDecimal rounded =
        BigDecimal.valueOf(Math.max(50, estimate)).setScale(-1, RoundingMode.CEILING).setScale(2);
    return List.of(RowFactory.create(Ids.customer(index), rounded.toPlainString())).iterator();
  }

  private double lastYearSpend(CustomerHistory history) {
    double from = simulator.timeline().end() - 365;
    long cents = 0;
    for (Line line : history.lines()) {
      if (line.time() >= from) {
        cents += line.cents();
      }
    }
    return cents / 100.0;
  }
}
