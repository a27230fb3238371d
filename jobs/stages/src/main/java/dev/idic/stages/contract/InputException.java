package dev.idic.stages.contract;

/**
 * An input that cannot be read at all (missing file, missing required column, unreadable format).
 * Its message says which input, which file or column, and how to fix it; it ends the command with
 * {@link ExitCode#INPUT_REJECTED}. New code uses {@link IdicErrors#inputRejected} instead.
 */
public class InputException extends IdicException {

  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(ExitCode.INPUT_REJECTED, message, null);
  }

  public InputException(String message, Throwable cause) {
    super(ExitCode.INPUT_REJECTED, message, cause);
  }
}
