package dev.idic.stages.contract;

/**
 * An input that cannot be read at all (missing file, missing required column, unreadable format).
 * Its message says which input, which file or column, and how to fix it.
 */
public class InputException extends RuntimeException {

  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
