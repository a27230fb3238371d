package dev.idic.synth;

import dev.idic.synth.CustomerHistory.Line;
import dev.idic.synth.Draws.Stream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * A customer's transaction rows, with the deliberately malformed extra rows the spec asks for.
 * Malformed rows come from their own random stream and are added next to the valid rows, so the
 * valid rows are the same at every bad-row rate.
 */
final class TransactionRows implements Serializable {

  static final String CURRENCY = "EUR";

  /** The kinds of malformed rows, one per quarantine reason the ingest must recognise. */
  enum Defect {
    UNPARSEABLE_AMOUNT,
    MISSING_CUSTOMER_ID,
    DUPLICATE_TRANSACTION_ID,
    TIMESTAMP_AFTER_AS_OF,
    UNPARSEABLE_TIMESTAMP
  }

  private static final Defect[] DEFECTS = Defect.values();
  private static final String[] BAD_AMOUNTS = {"12,50 EUR", "n/a", "1.234.5", "EUR"};
  static final String[] BAD_TIMESTAMPS = {
    "31/02/2026 10:15", "2026-13-45T25:61:00+01:00", "yesterday", "20261301"
  };

  private final CustomerSimulator simulator;

  TransactionRows(CustomerSimulator simulator) {
    this.simulator = simulator;
  }

  Iterator<Row> of(Long index) {
    CustomerHistory history = simulator.simulate(index);
    Timeline timeline = simulator.timeline();
    double badRowRate = simulator.spec().badRowRate();
    Draws defects = Draws.of(simulator.spec().seed(), index, Stream.DEFECTS);
    String customerId = Ids.customer(index);
    List<Row> rows = new ArrayList<>(history.lines().size() + 1);
    int sequence = 0;
    for (Line line : history.lines()) {
      sequence++;
      Row row =
          row(
              Ids.transaction(index, sequence),
              customerId,
              timeline.iso(timeline.instant(line.time())),
              line);
      rows.add(row);
      if (badRowRate > 0 && defects.chance(badRowRate)) {
        rows.add(malformed(defects, row, Ids.transaction(index, sequence) + "X", line));
      }
    }
    return rows.iterator();
  }

  private Row malformed(Draws draws, Row valid, String id, Line line) {
    Timeline timeline = simulator.timeline();
    String customerId = valid.getString(1);
    String ts = valid.getString(2);
    return switch (draws.pick(DEFECTS)) {
      case UNPARSEABLE_AMOUNT ->
          RowFactory.create(
              id,
              customerId,
              ts,
              draws.pick(BAD_AMOUNTS),
              CURRENCY,
              line.channel(),
              Integer.toString(line.quantity()),
              line.category(),
              line.storeId());
      case MISSING_CUSTOMER_ID -> row(id, null, ts, line);
      case DUPLICATE_TRANSACTION_ID -> valid;
      case TIMESTAMP_AFTER_AS_OF -> {
        Instant future =
            timeline.endInstant().plus(Duration.ofMinutes(draws.between(60, 30 * 24 * 60)));
        yield row(id, customerId, timeline.iso(future), line);
      }
      case UNPARSEABLE_TIMESTAMP -> row(id, customerId, draws.pick(BAD_TIMESTAMPS), line);
    };
  }

  private static Row row(String id, String customerId, String ts, Line line) {
    return RowFactory.create(
        id,
        customerId,
        ts,
        BigDecimal.valueOf(line.cents(), 2).toPlainString(),
        CURRENCY,
        line.channel(),
        Integer.toString(line.quantity()),
        line.category(),
        line.storeId());
  }
}
