package dev.idic.batch.job;

import java.time.LocalDate;

/**
 * How a {@code run} for one as-of date ended.
 *
 * @param result the kind of ending, which decides the exit code
 * @param asOfDate the date that was run
 * @param message one line for the user
 */
public record RunOutcome(Result result, LocalDate asOfDate, String message) {

  /** The kinds of endings a scheduler needs to tell apart. */
  public enum Result {
    COMPLETED,
    ALREADY_DONE,
    FAILED,
    INPUT_REJECTED,
    ALREADY_RUNNING
  }
}
