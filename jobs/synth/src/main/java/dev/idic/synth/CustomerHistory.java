package dev.idic.synth;

import java.util.List;

/**
 * One simulated customer: the latent parameters, the purchase rows (returns included, in time
 * order) and the interactions the purchase process itself drives (complaints, feedback).
 *
 * @param index customer number
 * @param acquiredAt simulation time of the first purchase
 * @param purchaseRate BG/NBD lambda per day
 * @param dropoutProbability BG/NBD p
 * @param spendRate Gamma-Gamma nu (mean day value p / nu)
 * @param lastPurchaseAt simulation time of the last purchase before the end of observation
 * @param leftAt simulation time at which the customer left, or infinity if still active
 * @param lines transaction rows in time order
 * @param complaints complaints in time order
 * @param feedback unsolicited feedback in time order
 */
record CustomerHistory(
    long index,
    double acquiredAt,
    double purchaseRate,
    double dropoutProbability,
    double spendRate,
    double lastPurchaseAt,
    double leftAt,
    List<Line> lines,
    List<Complaint> complaints,
    List<Feedback> feedback) {

  /** A transaction row; a return has negative cents and quantity. */
  record Line(
      double time, long cents, int quantity, String category, String channel, String storeId) {}

  record Complaint(
      double time, String channel, Outcome outcome, double resolutionHours, Integer satisfaction) {}

  record Feedback(double time, String channel, int satisfaction) {}

  enum Outcome {
    RESOLVED("resolved"),
    REFUNDED("refunded"),
    UNRESOLVED("unresolved"),
    DISPUTED("disputed");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }

    boolean satisfiesCustomer() {
      return this == RESOLVED || this == REFUNDED;
    }
  }
}
