package dev.idic.model;

import java.util.List;

/** The checks every model's parameter vector must pass, with one wording for all models. */
final class ModelParameters {

  private ModelParameters() {}

  /**
   * @throws IllegalArgumentException unless every value is finite and positive
   */
  static void requireFinitePositive(String model, List<String> names, double... values) {
    for (double value : values) {
      if (!(value > 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException(
            model + " parameters must be finite and positive, got " + describe(names, values));
      }
    }
  }

  private static String describe(List<String> names, double[] values) {
    StringBuilder text = new StringBuilder();
    for (int k = 0; k < values.length; k++) {
      text.append(k == 0 ? "" : " ").append(names.get(k)).append('=').append(values[k]);
    }
    return text.toString();
  }
}
