package dev.idic.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A fit whose result must not be used: it did not converge, ended on a boundary or ran out of its
 * budget. The message names the model, says what was reached and what to try, and does not end with
 * a period, so that callers can embed it in a sentence of their own without doubling it.
 */
public class ModelFitException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ModelFitException(String message) {
    super(message);
  }

  /** Plain reasons joined by "; ", each without a final period of its own. */
  static String clauses(List<String> reasons) {
    return reasons.stream()
        .map(String::strip)
        .map(r -> r.endsWith(".") ? r.substring(0, r.length() - 1) : r)
        .collect(Collectors.joining("; "));
  }
}
