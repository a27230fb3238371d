package dev.idic.batch.job;

import dev.idic.stages.contract.ExitCode;
import java.time.LocalDate;

/**
 * How a {@code run} for one as-of date ended.
 *
 * @param result the kind of ending, which decides the exit code
 * @param asOfDate the date that was run
 * @param message one line for the user
 */
public record RunOutcome(Result result, LocalDate asOfDate, String message) {

  /** The exit code the command ends with. */
  public ExitCode exitCode() {
    return result.exitCode();
  }

  /** The kinds of endings a scheduler needs to tell apart, each with its exit code. */
  public enum Result {
    COMPLETED(ExitCode.OK),
    ALREADY_DONE(ExitCode.OK),
    FAILED(ExitCode.RUN_FAILED),
    INPUT_REJECTED(ExitCode.INPUT_REJECTED),
    INVALID_CONFIGURATION(ExitCode.INVALID_CONFIGURATION),
    QUALITY_GATE_FAILED(ExitCode.QUALITY_GATE_FAILED),
    ALREADY_RUNNING(ExitCode.ALREADY_RUNNING);

    private final ExitCode exitCode;

    Result(ExitCode exitCode) {
      this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
      return exitCode;
    }
  }
}
