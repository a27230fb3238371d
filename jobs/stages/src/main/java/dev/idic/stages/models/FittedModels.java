package dev.idic.stages.models;

import dev.idic.model.BgNbdFitter;
import dev.idic.model.FitOptions;
import dev.idic.model.GammaGammaFitter;
import dev.idic.model.GammaGammaModel;
import dev.idic.model.ModelFit;
import dev.idic.model.ParetoNbdFitter;
import dev.idic.model.PurchaseModel;
import dev.idic.model.PurchasePatterns;
import dev.idic.model.SpendPatterns;
import dev.idic.stages.settings.ModelSettings;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * The driver-side fits of one run: the configured purchase model on the distinct purchase patterns
 * and Gamma-Gamma on the repeat buyers' spend patterns.
 *
 * @param purchase BG/NBD or Pareto/NBD fit
 * @param spend Gamma-Gamma fit
 */
public record FittedModels(
    ModelFit<? extends PurchaseModel> purchase, ModelFit<GammaGammaModel> spend) {

  /**
   * @param purchasePatterns rows of {@link ModelInputs#purchasePatterns}
   * @param spendPatterns rows of {@link ModelInputs#spendPatterns}
   * @throws IllegalArgumentException naming the pattern when a history is not valid
   */
  public static FittedModels fit(
      List<Row> purchasePatterns, List<Row> spendPatterns, ModelSettings settings) {
    ModelFit<? extends PurchaseModel> purchase =
        purchaseFit(purchasePatterns(purchasePatterns), settings);
    FitOptions options = FitOptions.defaults().withMaxSeconds(settings.maxFitSeconds());
    List<Row> spendRows = inStableOrder(spendPatterns, "frequency", "monetary_value");
    int n = spendRows.size();
    int[] frequency = new int[n];
    double[] meanValue = new double[n];
    double[] weight = new double[n];
    for (int i = 0; i < n; i++) {
      Row row = spendRows.get(i);
      frequency[i] = row.getInt(row.fieldIndex("frequency"));
      meanValue[i] = row.getDouble(row.fieldIndex("monetary_value"));
      weight[i] = row.getLong(row.fieldIndex("customers"));
    }
    // Spend is in currency, not time: the purchase model's penalizer would distort it.
    ModelFit<GammaGammaModel> spend =
        GammaGammaFitter.fit(SpendPatterns.of(frequency, meanValue, weight), options);
    return new FittedModels(purchase, spend);
  }

  /**
   * The purchase histories of rows of {@link ModelInputs#purchasePatterns}, in a stable order.
   *
   * @throws IllegalArgumentException naming the pattern when a history is not valid
   */
  public static PurchasePatterns purchasePatterns(List<Row> rows) {
    PurchasePatterns.Builder builder = new PurchasePatterns.Builder();
    for (Row row : inStableOrder(rows, "frequency", "recency", "T")) {
      builder.add(
          row.getInt(row.fieldIndex("frequency")),
          row.getDouble(row.fieldIndex("recency")),
          row.getDouble(row.fieldIndex("T")),
          row.getLong(row.fieldIndex("customers")));
    }
    return builder.build();
  }

  /** The configured purchase model fitted on {@code patterns}. */
  public static ModelFit<? extends PurchaseModel> purchaseFit(
      PurchasePatterns patterns, ModelSettings settings) {
    FitOptions options =
        FitOptions.defaults()
            .withMaxSeconds(settings.maxFitSeconds())
            .withPenalizer(settings.penalizer());
    return switch (settings.purchaseModel()) {
      case BGNBD -> BgNbdFitter.fit(patterns, options);
      case PARETO_NBD -> ParetoNbdFitter.fit(patterns, options);
    };
  }

  /**
   * Rows sorted on their key columns. Spark returns grouped rows in an order that can change from
   * run to run; summing the likelihood in a fixed order makes the fitted numbers bit-identical.
   */
  private static List<Row> inStableOrder(List<Row> rows, String... keys) {
    Comparator<Row> order = (left, right) -> 0;
    for (String key : keys) {
      Comparator<Row> byKey =
          Comparator.comparingDouble(r -> ((Number) r.getAs(key)).doubleValue());
      order = order.thenComparing(byKey);
    }
    return rows.stream().sorted(order).toList();
  }

  public List<ModelFit<?>> all() {
    return List.of(purchase, spend);
  }
}
