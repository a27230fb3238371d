package dev.idic.stages.settings;

import java.util.List;
import java.util.Locale;

/**
 * Contact cadence, complaint handling and the rules of the interactions stage (loyalty, lifecycle,
 * difficulty). All day counts are calendar days ending on the as-of date; cadences are calendar
 * months.
 *
 * @param vip cadence of VIP customers
 * @param key cadence of Key customers
 * @param regular cadence of Regular customers
 * @param small cadence of Small customers
 * @param basicService cadence of customers classed difficult, whatever their tier
 * @param complaintSlaHours a complaint resolved within this many hours of being raised meets the
 *     SLA
 * @param churnPeriodDays length of the churn period: a customer who bought in the previous period
 *     and not in the current one has churned in the period
 * @param lifecycle lifecycle stage rules
 * @param difficulty difficulty class rules
 * @param loyalty loyalty index rules
 */
public record ContactSettings(
    Cadence vip,
    Cadence key,
    Cadence regular,
    Cadence small,
    Cadence basicService,
    double complaintSlaHours,
    int churnPeriodDays,
    LifecycleRules lifecycle,
    DifficultyRules difficulty,
    LoyaltyIndexRules loyalty) {

  public ContactSettings {
    require(complaintSlaHours > 0, "complaintSlaHours must be positive, got " + complaintSlaHours);
    require(churnPeriodDays > 0, "churnPeriodDays must be positive, got " + churnPeriodDays);
  }

  /**
   * The source material's cadences, a 48-hour complaint SLA and a 90-day churn period: the one
   * statement of these defaults ({@code conf/idic.yaml} is tested against it).
   */
  public static final ContactSettings DEFAULTS =
      new ContactSettings(
          new Cadence(1, 3),
          new Cadence(3, 6),
          new Cadence(6, 12),
          new Cadence(12, null),
          new Cadence(12, null),
          48.0,
          90,
          LifecycleRules.defaults(),
          DifficultyRules.defaults(),
          LoyaltyIndexRules.defaults());

  public static ContactSettings defaults() {
    return DEFAULTS;
  }

  /**
   * The cadence of a tier as named in {@code customer_tiers.tier} (vip, key, regular, small).
   *
   * @throws IllegalArgumentException for any other tier name
   */
  public Cadence cadenceOf(String tier) {
    return switch (tier.toLowerCase(Locale.ROOT)) {
      case "vip" -> vip;
      case "key" -> key;
      case "regular" -> regular;
      case "small" -> small;
      default ->
          throw new IllegalArgumentException(
              "unknown tier '" + tier + "': expected one of vip, key, regular, small");
    };
  }

  /**
   * How often a customer is called and visited.
   *
   * @param callEveryMonths months between calls, null for no calls
   * @param visitEveryMonths months between visits, null for no visits
   */
  public record Cadence(Integer callEveryMonths, Integer visitEveryMonths) {
    public Cadence {
      require(
          callEveryMonths == null || callEveryMonths > 0,
          "callEveryMonths must be positive or absent, got " + callEveryMonths);
      require(
          visitEveryMonths == null || visitEveryMonths > 0,
          "visitEveryMonths must be positive or absent, got " + visitEveryMonths);
    }
  }

  /**
   * Lifecycle stage rules, applied in order churned, decline, acquisition, growth, maturity.
   *
   * @param churnedBelowPAlive with a P(alive): churned below this
   * @param declineBelowPAlive with a P(alive): decline below this
   * @param churnedGapMultiple without a P(alive): churned when the days since the last purchase
   *     exceed this many of the customer's own mean inter-purchase times (and the churn period)
   * @param declineGapMultiple without a P(alive): decline when the days since the last purchase
   *     exceed this many of the customer's own mean inter-purchase times
   * @param acquisitionMaxTenureDays customers this new, or with a single purchase day, are in
   *     acquisition
   * @param maturityMinTenureDays customers younger than this are in growth
   * @param growthSpendRatio older customers whose trailing-year net spend is at least this multiple
   *     of the year before are in growth; the rest are in maturity
   */
  public record LifecycleRules(
      double churnedBelowPAlive,
      double declineBelowPAlive,
      double churnedGapMultiple,
      double declineGapMultiple,
      int acquisitionMaxTenureDays,
      int maturityMinTenureDays,
      double growthSpendRatio) {

    public LifecycleRules {
      require(
          0 <= churnedBelowPAlive && churnedBelowPAlive <= declineBelowPAlive,
          "lifecycle needs 0 <= churnedBelowPAlive <= declineBelowPAlive");
      require(
          0 < declineGapMultiple && declineGapMultiple <= churnedGapMultiple,
          "lifecycle needs 0 < declineGapMultiple <= churnedGapMultiple");
      require(
          0 <= acquisitionMaxTenureDays && acquisitionMaxTenureDays <= maturityMinTenureDays,
          "lifecycle needs 0 <= acquisitionMaxTenureDays <= maturityMinTenureDays");
      require(growthSpendRatio > 0, "lifecycle growthSpendRatio must be positive");
    }

    public static LifecycleRules defaults() {
      return new LifecycleRules(0.10, 0.50, 3.0, 1.5, 90, 365, 1.25);
    }
  }

  /**
   * Difficulty class rules. Behaviour in the 365 days ending on the as-of date is scored in points:
   * one per complaint, {@code disputePoints} per dispute (a complaint whose outcome is one of
   * {@code disputeOutcomes}, on top of its complaint point) and one per return (a transaction with
   * a negative amount). Classes are fixed point thresholds, not quantiles, so the observed split
   * can be compared with the 30/40/20/10 reference.
   *
   * @param disputeOutcomes complaint outcomes that count as disputes (case-insensitive)
   * @param disputePoints points per dispute
   * @param normalFromPoints fewest points of a normal customer (fewer: easy)
   * @param demandingFromPoints fewest points of a demanding customer
   * @param difficultFromPoints fewest points of a difficult customer
   */
  public record DifficultyRules(
      List<String> disputeOutcomes,
      int disputePoints,
      int normalFromPoints,
      int demandingFromPoints,
      int difficultFromPoints) {

    public DifficultyRules {
      disputeOutcomes =
          disputeOutcomes == null
              ? List.of()
              : disputeOutcomes.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList();
      require(disputePoints >= 0, "difficulty disputePoints must not be negative");
      require(
          0 < normalFromPoints
              && normalFromPoints <= demandingFromPoints
              && demandingFromPoints <= difficultFromPoints,
          "difficulty needs 0 < normalFromPoints <= demandingFromPoints <= difficultFromPoints");
    }

    public static DifficultyRules defaults() {
      return new DifficultyRules(
          List.of("disputed", "rejected", "escalated", "chargeback"), 2, 1, 3, 6);
    }
  }

  /**
   * The loyalty index: 100 times the weighted mean of four components in 0..1. Retention is
   * P(alive) when the models ran, else 1 - days since last purchase / (2 × churn period), floored
   * at 0; for a customer with a single purchase day it is the lower of the two, since BG/NBD puts
   * their P(alive) at 1 by construction; tenure is tenure days / {@code fullTenureDays}, capped at
   * 1; frequency is purchase days in the trailing 365 days / {@code fullPurchaseDaysPerYear},
   * capped at 1; wallet is the share of wallet. A customer without a wallet estimate is scored on
   * the other three, weights rescaled.
   *
   * @param retentionWeight weight of the retention component
   * @param tenureWeight weight of the tenure component
   * @param frequencyWeight weight of the frequency component
   * @param walletWeight weight of the share-of-wallet component
   * @param fullTenureDays tenure that scores 1
   * @param fullPurchaseDaysPerYear purchase days in a year that score 1
   */
  public record LoyaltyIndexRules(
      double retentionWeight,
      double tenureWeight,
      double frequencyWeight,
      double walletWeight,
      int fullTenureDays,
      int fullPurchaseDaysPerYear) {

    public LoyaltyIndexRules {
      require(
          retentionWeight >= 0 && tenureWeight >= 0 && frequencyWeight >= 0 && walletWeight >= 0,
          "loyalty weights must not be negative");
      require(
          retentionWeight + tenureWeight + frequencyWeight > 0,
          "loyalty needs a positive retention, tenure or frequency weight");
      require(fullTenureDays > 0, "loyalty fullTenureDays must be positive");
      require(fullPurchaseDaysPerYear > 0, "loyalty fullPurchaseDaysPerYear must be positive");
    }

    public static LoyaltyIndexRules defaults() {
      return new LoyaltyIndexRules(0.4, 0.2, 0.2, 0.2, 730, 12);
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException("contact settings: " + message);
    }
  }
}
