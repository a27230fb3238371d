package dev.idic.synth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idic.synth.CustomerHistory.Line;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerSimulatorTest {

  private static final SyntheticSpec SPEC =
      SyntheticSpec.demo(LocalDate.of(2026, 3, 29)).withCustomers(2_000);

  @Test
  void rowsOfOneBasketStayOnTheLocalDayOfThePurchase() {
    CustomerSimulator simulator = new CustomerSimulator(SPEC);
    Timeline timeline = simulator.timeline();
    int basketPairs = 0;
    for (long index = 0; index < SPEC.customers(); index++) {
      List<Line> purchases =
          simulator.simulate(index).lines().stream().filter(line -> line.cents() > 0).toList();
      for (int i = 1; i < purchases.size(); i++) {
        Line previous = purchases.get(i - 1);
        Line line = purchases.get(i);
        // Rows of one basket are at most four gaps apart (five rows).
        if (line.time() - previous.time() <= 0.011) {
          basketPairs++;
          assertThat(localDate(timeline, line))
              .as("local date of consecutive basket rows of customer %s", index)
              .isEqualTo(localDate(timeline, previous));
        }
      }
    }
    assertThat(basketPairs).as("baskets with several rows").isGreaterThan(1000);
  }

  private static LocalDate localDate(Timeline timeline, Line line) {
    return timeline.instant(line.time()).atZone(SPEC.zone()).toLocalDate();
  }

  @Test
  void withoutComplaintDropoutFewerCustomersLeave() {
    CustomerSimulator withComplaints = new CustomerSimulator(SPEC);
    CustomerSimulator pure =
        new CustomerSimulator(SPEC.withModel(SPEC.model().withoutComplaintDropout()));
    int leftWith = 0;
    int leftPure = 0;
    for (long index = 0; index < SPEC.customers(); index++) {
      leftWith += Double.isFinite(withComplaints.simulate(index).leftAt()) ? 1 : 0;
      leftPure += Double.isFinite(pure.simulate(index).leftAt()) ? 1 : 0;
    }
    assertThat(leftPure)
        .as("customers who left without complaint-driven dropout")
        .isLessThan(leftWith);
  }
}
