package dev.idic.stages.models;

import dev.idic.stages.contract.IdicErrors;
import dev.idic.stages.contract.RunContext;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Refuses, before any fit, customer features that the models cannot be fitted on. Too little data
 * is an input problem (exit 3), not a failed run: the same data would fail the same way on every
 * retry.
 */
final class ModelsInputCheck {

  private ModelsInputCheck() {}

  /**
   * @param purchasePatterns rows of {@link ModelInputs#purchasePatterns}
   * @param spendPatterns rows of {@link ModelInputs#spendPatterns}
   * @param excludedRepeatBuyers repeat buyers whose repeat days net to zero or less
   */
  static void requireFittable(
      RunContext context,
      List<Row> purchasePatterns,
      List<Row> spendPatterns,
      long excludedRepeatBuyers) {
    if (purchasePatterns.isEmpty()) {
      throw IdicErrors.inputRejected(
          where(context, "purchase model"),
          "customer_features has no customers to fit on",
          "check that the transactions input holds accepted rows up to the as-of date");
    }
    if (spendPatterns.isEmpty()) {
      long customers = customers(purchasePatterns);
      throw IdicErrors.inputRejected(
          where(context, "gamma_gamma"),
          "the spend model cannot be fitted: it needs repeat buyers (purchases on at least two"
              + " days, with a positive mean repeat value) and found 0 among "
              + customers
              + " customers"
              + (excludedRepeatBuyers > 0
                  ? " (" + excludedRepeatBuyers + " repeat buyers net to zero or less: returns)"
                  : ""),
          "supply a longer transaction history or more customers, so that some bought on two or"
              + " more days (check too how many rows ingest quarantined)");
    }
  }

  /** The where part of a models error: the stage, the model and the date. */
  static String where(RunContext context, String model) {
    return "models stage, " + model + " for as-of " + context.asOfDate();
  }

  private static long customers(List<Row> purchasePatterns) {
    return purchasePatterns.stream()
        .mapToLong(row -> row.getLong(row.fieldIndex("customers")))
        .sum();
  }
}
