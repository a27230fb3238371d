package dev.idic.synth;

import dev.idic.synth.CustomerHistory.Complaint;
import dev.idic.synth.CustomerHistory.Feedback;
import dev.idic.synth.Draws.Stream;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * A customer's interactions: the complaints and feedback of the purchase process, plus company
 * contacts (campaigns at a flat rate, calls and visits at a cadence that grows with the customer's
 * true value) and customer inquiries while the customer is active. Now and then a prospect who
 * never buys contacts the company too (an id absent from transactions).
 */
final class InteractionRows implements Serializable {

  private static final String[] CAMPAIGN_CHANNELS = {"email", "letter", "event"};
  private static final double[] CAMPAIGN_CHANNEL_WEIGHTS = {0.85, 0.1, 0.05};
  private static final String[] INQUIRY_CHANNELS = {
    "phone", "email", "chat", "web", "face_to_face", "other"
  };
  private static final double[] INQUIRY_CHANNEL_WEIGHTS = {0.35, 0.25, 0.2, 0.13, 0.05, 0.02};

  /** Days between calls and visits by value relative to the average customer (tier-like). */
  private static final double[] VALUE_RATIO_FLOORS = {4, 1.5, 0.5, 0};

  private static final double[] CALL_DAYS = {30, 91, 182, 365};
  private static final double[] VISIT_DAYS = {91, 182, 365, Double.POSITIVE_INFINITY};
  private static final double COMPANY_GIVES_UP_DAYS = 365;
  private static final double INQUIRIES_AFTER_LEAVING_DAYS = 30;
  private static final double PROSPECT_WINDOW_DAYS = 180;

  private final CustomerSimulator simulator;

  InteractionRows(CustomerSimulator simulator) {
    this.simulator = simulator;
  }

  Iterator<Row> of(Long index) {
    CustomerHistory history = simulator.simulate(index);
    Draws draws = Draws.of(simulator.spec().seed(), index, Stream.CONTACTS);
    List<Event> events = new ArrayList<>();
    addCampaigns(draws, history, events);
    addCallsAndVisits(draws, history, events);
    addInquiries(draws, history, events);
    for (Complaint complaint : history.complaints()) {
      events.add(Event.complaint(complaint));
    }
    for (Feedback feedback : history.feedback()) {
      events.add(
          new Event(
              feedback.time(),
              feedback.channel(),
              "customer",
              "feedback",
              null,
              null,
              feedback.satisfaction()));
    }
    double end = simulator.timeline().end();
    events.removeIf(event -> event.time >= end);
    events.sort(Comparator.comparingDouble(Event::time));

    List<Row> rows = new ArrayList<>(events.size() + 2);
    String customerId = Ids.customer(index);
    int sequence = 0;
    double badRowRate = simulator.spec().badRowRate();
    Draws defects = Draws.of(simulator.spec().seed(), index, Stream.INTERACTION_DEFECTS);
    for (Event event : events) {
      String id = Ids.interaction(index, ++sequence);
      Row row = row(id, customerId, event);
      rows.add(row);
      if (badRowRate > 0 && defects.chance(badRowRate)) {
        rows.add(malformed(defects, row, id + "X"));
      }
    }
    if (draws.chance(simulator.spec().model().service().prospectShare())) {
      addProspect(draws, index, rows);
    }
    return rows.iterator();
  }

  private void addCampaigns(Draws draws, CustomerHistory history, List<Event> events) {
    double meanGap = 365 / simulator.spec().model().service().campaignsPerYear();
    double end = simulator.timeline().end();
    for (double t = history.acquiredAt() + draws.exponential(meanGap);
        t < end;
        t += draws.exponential(meanGap)) {
      String channel = draws.pick(CAMPAIGN_CHANNELS, CAMPAIGN_CHANNEL_WEIGHTS);
      events.add(new Event(t, channel, "company", "campaign", null, null, null));
    }
  }

  private void addCallsAndVisits(Draws draws, CustomerHistory history, List<Event> events) {
    int level = valueLevel(history);
    double until =
        Math.min(simulator.timeline().end(), history.lastPurchaseAt() + COMPANY_GIVES_UP_DAYS);
    addCadence(draws, history.acquiredAt(), until, CALL_DAYS[level], "phone", "call", events);
    addCadence(
        draws, history.acquiredAt(), until, VISIT_DAYS[level], "face_to_face", "visit", events);
  }

  private static void addCadence(
      Draws draws,
      double from,
      double until,
      double days,
      String channel,
      String type,
      List<Event> events) {
    if (Double.isInfinite(days)) {
      return;
    }
    for (double t = from + days * draws.uniform(0.2, 1.2);
        t < until;
        t += days * draws.uniform(0.7, 1.4)) {
      events.add(new Event(t, channel, "company", type, null, null, null));
    }
  }

  /** 0 for the most valuable customers (about VIP) to 3 for the least (about small). */
  private int valueLevel(CustomerHistory history) {
    GenerativeModel model = simulator.spec().model();
    GenerativeModel.Spend spend = model.spend();
    double meanRate = model.purchases().r() / model.purchases().alpha();
    double meanDayValue = spend.p() * spend.gamma() / (spend.q() - 1);
    double ratio =
        history.purchaseRate() * (spend.p() / history.spendRate()) / (meanRate * meanDayValue);
    for (int level = 0; level < VALUE_RATIO_FLOORS.length; level++) {
      if (ratio >= VALUE_RATIO_FLOORS[level]) {
        return level;
      }
    }
    return VALUE_RATIO_FLOORS.length - 1;
  }

  private void addInquiries(Draws draws, CustomerHistory history, List<Event> events) {
    double meanGap = 365 / simulator.spec().model().service().inquiriesPerYear();
    double until =
        Math.min(simulator.timeline().end(), history.leftAt() + INQUIRIES_AFTER_LEAVING_DAYS);
    for (double t = history.acquiredAt() + draws.exponential(meanGap);
        t < until;
        t += draws.exponential(meanGap)) {
      String channel = draws.pick(INQUIRY_CHANNELS, INQUIRY_CHANNEL_WEIGHTS);
      events.add(new Event(t, channel, "customer", "inquiry", null, null, null));
    }
  }

  /** Prospects take the ids after the last customer's, so they never appear in transactions. */
  private void addProspect(Draws draws, long index, List<Row> rows) {
    long prospect = simulator.spec().customers() + index;
    double end = simulator.timeline().end();
    int contacts = draws.between(1, 2);
    double t = end - draws.uniform() * PROSPECT_WINDOW_DAYS;
    for (int i = 1; i <= contacts && t < end; i++) {
      String channel = draws.pick(INQUIRY_CHANNELS, INQUIRY_CHANNEL_WEIGHTS);
      Event inquiry = new Event(t, channel, "customer", "inquiry", null, null, null);
      rows.add(row(Ids.interaction(prospect, i), Ids.customer(prospect), inquiry));
      t += draws.exponential(7);
    }
  }

  /** A malformed copy of a valid row: the defects an interactions ingest must quarantine. */
  private Row malformed(Draws draws, Row valid, String id) {
    Object[] fields = new Object[valid.length()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = valid.get(i);
    }
    switch (draws.between(0, 3)) {
      case 0 -> fields[1] = null;
      case 1 -> fields[2] = draws.pick(TransactionRows.BAD_TIMESTAMPS);
      case 2 -> {
        Instant future =
            simulator.timeline().endInstant().plus(Duration.ofMinutes(draws.between(60, 43_200)));
        fields[2] = simulator.timeline().iso(future);
        fields[6] = null;
        fields[7] = null;
        fields[8] = null;
      }
      default -> {
        return valid;
      }
    }
    fields[0] = id;
    return RowFactory.create(fields);
  }

  private Row row(String id, String customerId, Event event) {
    Timeline timeline = simulator.timeline();
    Instant at = timeline.instant(event.time);
    String resolvedTs = null;
    String outcome = null;
    Integer satisfaction = event.satisfaction;
    if (event.resolutionHours != null) {
      Instant resolvedAt = at.plus(Duration.ofSeconds(Math.round(event.resolutionHours * 3600)));
      // A complaint still being handled at the end of observation is open: no outcome yet.
      if (resolvedAt.isBefore(timeline.endInstant())) {
        resolvedTs = timeline.iso(resolvedAt);
        outcome = event.outcome;
      } else {
        satisfaction = null;
      }
    }
    return RowFactory.create(
        id,
        customerId,
        timeline.iso(at),
        event.channel,
        event.initiator,
        event.type,
        resolvedTs,
        outcome,
        satisfaction == null ? null : satisfaction.toString());
  }

  private record Event(
      double time,
      String channel,
      String initiator,
      String type,
      String outcome,
      Double resolutionHours,
      Integer satisfaction) {

    static Event complaint(Complaint complaint) {
      return new Event(
          complaint.time(),
          complaint.channel(),
          "customer",
          "complaint",
          complaint.outcome().label(),
          complaint.resolutionHours(),
          complaint.satisfaction());
    }
  }
}
