package dev.idic.stages.contract;

/**
 * An input whose quarantined share exceeds the configured reject ratio. The message names the file
 * and the most common reasons, so whoever reads the run's log knows what to fix.
 */
public class InputRejectedException extends RuntimeException {

  public InputRejectedException(String message) {
    super(message);
  }
}
