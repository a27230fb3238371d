package dev.idic.synth;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What to generate. The same spec always yields the same rows, whatever the Spark partitioning.
 *
 * @param seed root of every random draw
 * @param customers number of customers (ids C00000000 upwards); about 20 transactions each with the
 *     default model
 * @param asOfDate last day of observation; nothing valid is dated after it
 * @param historyDays length of the acquisition window before the as-of date
 * @param zone zone of the local timestamps (written as ISO-8601 with that zone's offset)
 * @param badRowRate chance, per valid transaction or interaction row, of an extra deliberately
 *     malformed row
 * @param format file format of the outputs
 * @param interactions whether the interactions input is written
 * @param model the true generative parameters
 */
public record SyntheticSpec(
    long seed,
    long customers,
    LocalDate asOfDate,
    int historyDays,
    ZoneId zone,
    double badRowRate,
    OutputFormat format,
    InteractionsOutput interactions,
    GenerativeModel model)
    implements Serializable {

  /** Transaction rows per customer the default model produces on average. */
  public static final int TRANSACTIONS_PER_CUSTOMER = 20;

  public SyntheticSpec {
    Objects.requireNonNull(asOfDate, "asOfDate");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(interactions, "interactions");
    Objects.requireNonNull(model, "model");
    if (customers < 1 || customers > 49_999_999L) {
      throw new IllegalArgumentException(
          "customers must be between 1 and 49,999,999 (ids have 8 digits), got " + customers);
    }
    if (historyDays < 30) {
      throw new IllegalArgumentException("historyDays must be at least 30, got " + historyDays);
    }
    if (badRowRate < 0 || badRowRate >= 1) {
      throw new IllegalArgumentException("badRowRate must be in [0, 1), got " + badRowRate);
    }
  }

  /** The demo data set: 5,000 customers, three years, CSV, interactions, 0.1% bad rows. */
  public static SyntheticSpec demo(LocalDate asOfDate) {
    return new SyntheticSpec(
        20261122L,
        5_000,
        asOfDate,
        3 * 365,
        ZoneId.of("Europe/Berlin"),
        0.001,
        OutputFormat.CSV,
        InteractionsOutput.INCLUDED,
        GenerativeModel.defaults());
  }

  /**
   * The benchmark data set for about {@code transactions} transaction rows (customers =
   * transactions / 20): Parquet, interactions, no bad rows.
   */
  public static SyntheticSpec benchmark(long transactions, LocalDate asOfDate) {
    return demo(asOfDate)
        .withCustomers(Math.max(1, transactions / TRANSACTIONS_PER_CUSTOMER))
        .withBadRowRate(0)
        .withFormat(OutputFormat.PARQUET);
  }

  public SyntheticSpec withSeed(long newSeed) {
    return new SyntheticSpec(
        newSeed, customers, asOfDate, historyDays, zone, badRowRate, format, interactions, model);
  }

  public SyntheticSpec withCustomers(long newCustomers) {
    return new SyntheticSpec(
        seed, newCustomers, asOfDate, historyDays, zone, badRowRate, format, interactions, model);
  }

  public SyntheticSpec withBadRowRate(double newRate) {
    return new SyntheticSpec(
        seed, customers, asOfDate, historyDays, zone, newRate, format, interactions, model);
  }

  public SyntheticSpec withFormat(OutputFormat newFormat) {
    return new SyntheticSpec(
        seed, customers, asOfDate, historyDays, zone, badRowRate, newFormat, interactions, model);
  }

  public SyntheticSpec withInteractions(InteractionsOutput newInteractions) {
    return new SyntheticSpec(
        seed, customers, asOfDate, historyDays, zone, badRowRate, format, newInteractions, model);
  }

  public SyntheticSpec withModel(GenerativeModel newModel) {
    return new SyntheticSpec(
        seed, customers, asOfDate, historyDays, zone, badRowRate, format, interactions, newModel);
  }
}
