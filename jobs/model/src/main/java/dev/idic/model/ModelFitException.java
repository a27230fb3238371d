package dev.idic.model;

/** A fit whose result must not be used: it did not converge or ended on a boundary. */
public class ModelFitException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ModelFitException(String message) {
    super(message);
  }
}
