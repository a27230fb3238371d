package dev.idic.synth;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The true parameters of the synthetic customer base: what a model fitted on generated data should
 * recover. See {@link SyntheticDataGenerator} for how each parameter is used.
 *
 * @param newcomerShare share of customers acquired in the last {@code newcomerDays} days instead of
 *     uniformly over the acquisition window
 * @param newcomerDays length of the recent-newcomer window in days
 * @param purchases BG/NBD purchase and dropout process
 * @param spend Gamma-Gamma spend per purchase day
 * @param baskets rows per purchase day and returns
 * @param service interactions and how complaints change dropout
 */
public record GenerativeModel(
    double newcomerShare,
    int newcomerDays,
    Purchases purchases,
    Spend spend,
    Baskets baskets,
    Service service)
    implements Serializable {

  /**
   * BG/NBD: purchase rate {@code lambda ~ Gamma(shape r, rate alpha)} per day; after each repeat
   * purchase the customer leaves with probability {@code p ~ Beta(a, b)}.
   */
  public record Purchases(double r, double alpha, double a, double b) implements Serializable {
    public Purchases {
      requirePositive("purchases", r, alpha, a, b);
    }
  }

  /**
   * Gamma-Gamma: a purchase day's value is {@code Gamma(shape p, rate nu)} with the customer's
   * {@code nu ~ Gamma(shape q, rate gamma)}, so the mean day value {@code p / nu} is heavy tailed.
   * In euros.
   */
  public record Spend(double p, double q, double gamma) implements Serializable {
    public Spend {
      requirePositive("spend", p, gamma);
      if (q <= 1) {
        throw new IllegalArgumentException("spend q must exceed 1 for a finite mean, got " + q);
      }
    }
  }

  /**
   * @param multiLineShare share of purchase days split over several rows (2 to 5 items)
   * @param returnShare chance that a purchase row is returned later (a negative row)
   */
  public record Baskets(double multiLineShare, double returnShare) implements Serializable {}

  /**
   * @param complaintShare chance that a purchase is followed by a complaint
   * @param preChurnComplaintShare the same chance for the last three purchases before the customer
   *     would leave anyway (dissatisfaction precedes churn)
   * @param unresolvedDropout chance that an unresolved or disputed complaint makes the customer
   *     leave right after the purchase it was about
   * @param resolvedDropout the same chance for a resolved or refunded complaint
   * @param campaignsPerYear company campaign contacts (mostly emails) per customer and year
   * @param inquiriesPerYear customer inquiries per year while the customer is active
   * @param feedbackShare chance that a purchase is followed by unsolicited feedback
   * @param prospectShare chance, per customer, of an extra prospect (an id that never buys) who
   *     contacts the company
   * @param walletShare share of customers with a wallet (category spend) estimate
   */
  public record Service(
      double complaintShare,
      double preChurnComplaintShare,
      double unresolvedDropout,
      double resolvedDropout,
      double campaignsPerYear,
      double inquiriesPerYear,
      double feedbackShare,
      double prospectShare,
      double walletShare)
      implements Serializable {}

  /**
   * The same model without complaint-driven dropout: purchases then follow BG/NBD exactly, for
   * checking that a fit recovers {@link #purchases()}. With the defaults, complaints add dropout on
   * top of {@code p}, so a BG/NBD fit finds a somewhat higher mean dropout than {@code a / (a +
   * b)}.
   */
  public GenerativeModel withoutComplaintDropout() {
    Service s = service;
    return new GenerativeModel(
        newcomerShare,
        newcomerDays,
        purchases,
        spend,
        baskets,
        new Service(
            s.complaintShare(),
            s.preChurnComplaintShare(),
            0,
            0,
            s.campaignsPerYear(),
            s.inquiriesPerYear(),
            s.feedbackShare(),
            s.prospectShare(),
            s.walletShare()));
  }

  private static void requirePositive(String group, double... values) {
    for (double value : values) {
      if (!(value > 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException(
            group + " parameters must be positive and finite, got " + Arrays.toString(values));
      }
    }
  }

  /** Defaults giving about 20 transaction rows per customer over a three-year history. */
  public static GenerativeModel defaults() {
    return new GenerativeModel(
        0.12,
        90,
        new Purchases(0.9, 18.0, 1.0, 14.0),
        new Spend(4.0, 2.6, 25.0),
        new Baskets(0.35, 0.03),
        new Service(0.03, 0.2, 0.55, 0.08, 6.0, 2.0, 0.02, 0.005, 0.3));
  }
}
