package dev.idic.synth;

import dev.idic.synth.CustomerHistory.Complaint;
import dev.idic.synth.CustomerHistory.Feedback;
import dev.idic.synth.CustomerHistory.Line;
import dev.idic.synth.CustomerHistory.Outcome;
import dev.idic.synth.Draws.Stream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Simulates one customer's purchases, returns, complaints and feedback from the spec's generative
 * model. Pure: the history depends only on the spec and the customer index.
 */
final class CustomerSimulator implements Serializable {

  static final String[] CHANNELS = {"store", "web", "app", "phone"};
  private static final double[] CHANNEL_WEIGHTS = {0.55, 0.25, 0.15, 0.05};
  static final String[] CATEGORIES = {
    "grocery", "apparel", "electronics", "home", "beauty", "sports", "books", "toys"
  };
  private static final int STORES = 40;

  /** About two minutes of business hours, in days of simulation time. */
  private static final double BASKET_ROW_GAP = 0.0025;

  private static final String[] COMPLAINT_CHANNELS = {
    "phone", "email", "web", "chat", "face_to_face", "letter"
  };
  private static final double[] COMPLAINT_CHANNEL_WEIGHTS = {0.4, 0.3, 0.1, 0.1, 0.07, 0.03};
  private static final Outcome[] OUTCOMES = Outcome.values();
  private static final double[] OUTCOME_WEIGHTS = {0.55, 0.15, 0.2, 0.1};
  private static final String[] FEEDBACK_CHANNELS = {"web", "email", "chat"};

  private final SyntheticSpec spec;
  private final Timeline timeline;

  CustomerSimulator(SyntheticSpec spec) {
    this.spec = spec;
    this.timeline = new Timeline(spec.asOfDate(), spec.historyDays(), spec.zone());
  }

  Timeline timeline() {
    return timeline;
  }

  SyntheticSpec spec() {
    return spec;
  }

  CustomerHistory simulate(long index) {
    GenerativeModel model = spec.model();
    GenerativeModel.Purchases process = model.purchases();
    GenerativeModel.Service service = model.service();
    Draws draws = Draws.of(spec.seed(), index, Stream.PURCHASES);
    double end = timeline.end();

    double acquiredAt =
        draws.chance(model.newcomerShare())
            ? end - draws.uniform() * Math.min(model.newcomerDays(), end)
            : draws.uniform() * end;
    double lambda = draws.gamma(process.r(), process.alpha());
    double dropout = draws.beta(process.a(), process.b());
    double nu = draws.gamma(model.spend().q(), model.spend().gamma());
    // Drawing the repeat purchase after which the customer would leave up front is the BG/NBD
    // coin flip after each purchase in another order; knowing it lets dissatisfaction precede it.
    int naturalLastRepeat = draws.trialsUntilSuccess(dropout);
    Preferences preferences = Preferences.draw(draws);

    List<Line> lines = new ArrayList<>();
    List<Complaint> complaints = new ArrayList<>();
    List<Feedback> feedback = new ArrayList<>();
    double time = acquiredAt;
    double lastPurchaseAt = acquiredAt;
    double leftAt = Double.POSITIVE_INFINITY;
    for (int repeat = 0; time < end; repeat++) {
      lastPurchaseAt = time;
      addBasket(draws, preferences, nu, time, lines);
      boolean leaves = repeat >= 1 && repeat >= naturalLastRepeat;
      boolean unhappy = repeat >= naturalLastRepeat - 2;
      if (draws.chance(unhappy ? service.preChurnComplaintShare() : service.complaintShare())) {
        Complaint complaint = complain(draws, time);
        complaints.add(complaint);
        double extraDropout =
            complaint.outcome().satisfiesCustomer()
                ? service.resolvedDropout()
                : service.unresolvedDropout();
        leaves |= draws.chance(extraDropout);
      } else if (draws.chance(service.feedbackShare())) {
        feedback.add(
            new Feedback(
                time + draws.exponential(2), draws.pick(FEEDBACK_CHANNELS), draws.between(3, 5)));
      }
      if (leaves) {
        leftAt = time;
        break;
      }
      time += draws.exponential(1 / lambda);
    }
    addReturns(draws, lines, end);
    lines.sort(Comparator.comparingDouble(Line::time));
    return new CustomerHistory(
        index,
        acquiredAt,
        lambda,
        dropout,
        nu,
        lastPurchaseAt,
        leftAt,
        List.copyOf(lines),
        List.copyOf(complaints),
        List.copyOf(feedback));
  }

  private void addBasket(
      Draws draws, Preferences preferences, double nu, double time, List<Line> lines) {
    GenerativeModel.Baskets baskets = spec.model().baskets();
    long dayCents = Math.max(100, Math.round(draws.gamma(spec.model().spend().p(), nu) * 100));
    int rows = draws.chance(baskets.multiLineShare()) ? draws.between(2, 5) : 1;
    rows = (int) Math.min(rows, dayCents / 50);
    String channel =
        draws.chance(0.75) ? preferences.channel : draws.pick(CHANNELS, CHANNEL_WEIGHTS);
    String storeId = "store".equals(channel) ? preferences.storeId(draws) : "ONLINE";
    double[] weights = new double[rows];
    double total = 0;
    for (int i = 0; i < rows; i++) {
      weights[i] = draws.exponential(1);
      total += weights[i];
    }
    // Rows of one basket are a few minutes apart; squeezing the start towards the morning keeps
    // the last row on the same local day.
    double day = Math.floor(time);
    double start = day + (time - day) * (1 - BASKET_ROW_GAP * 5);
    long allocated = 0;
    for (int i = 0; i < rows; i++) {
      long cents =
          i == rows - 1
              ? dayCents - allocated
              : Math.max(1, Math.round(dayCents * weights[i] / total));
      cents = Math.min(cents, dayCents - allocated - (rows - 1 - i));
      allocated += cents;
      String category = draws.chance(0.7) ? preferences.category : draws.pick(CATEGORIES);
      int quantity = draws.chance(0.6) ? 1 : draws.between(2, 6);
      lines.add(new Line(start + i * BASKET_ROW_GAP, cents, quantity, category, channel, storeId));
    }
  }

  private Complaint complain(Draws draws, double purchasedAt) {
    Outcome outcome = draws.pick(OUTCOMES, OUTCOME_WEIGHTS);
    double medianHours =
        switch (outcome) {
          case RESOLVED, REFUNDED -> 24;
          case UNRESOLVED -> 120;
          case DISPUTED -> 240;
        };
    Integer satisfaction = draws.chance(0.3) ? null : satisfaction(draws, outcome);
    return new Complaint(
        purchasedAt + 0.2 + draws.exponential(3),
        draws.pick(COMPLAINT_CHANNELS, COMPLAINT_CHANNEL_WEIGHTS),
        outcome,
        draws.logNormal(medianHours, 0.8),
        satisfaction);
  }

  private static int satisfaction(Draws draws, Outcome outcome) {
    return switch (outcome) {
      case RESOLVED -> draws.chance(0.85) ? draws.between(4, 5) : 3;
      case REFUNDED -> draws.between(3, 5);
      case UNRESOLVED -> draws.between(1, 2);
      case DISPUTED -> draws.between(1, 3);
    };
  }

  private void addReturns(Draws draws, List<Line> lines, double end) {
    double returnShare = spec.model().baskets().returnShare();
    int purchases = lines.size();
    for (int i = 0; i < purchases; i++) {
      Line bought = lines.get(i);
      if (!draws.chance(returnShare)) {
        continue;
      }
      double returnedAt = Math.floor(bought.time()) + 1 + draws.exponential(10);
      int quantity = draws.between(1, bought.quantity());
      long cents = Math.max(1, Math.round((double) bought.cents() * quantity / bought.quantity()));
      if (returnedAt < end) {
        lines.add(
            new Line(
                returnedAt,
                -cents,
                -quantity,
                bought.category(),
                bought.channel(),
                bought.storeId()));
      }
    }
  }

  /** A customer's habits: where and what they mostly buy. */
  private record Preferences(String channel, String category, int homeStore) {

    static Preferences draw(Draws draws) {
      return new Preferences(
          draws.pick(CHANNELS, CHANNEL_WEIGHTS), draws.pick(CATEGORIES), draws.between(1, STORES));
    }

    String storeId(Draws draws) {
      int store = draws.chance(0.85) ? homeStore : draws.between(1, STORES);
      return "S" + (store < 10 ? "00" : "0") + store;
    }
  }
}
