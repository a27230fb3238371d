package dev.idic.stages.contract;

/**
 * An error meant for the user: its message is complete as it is (what is wrong, where, how to fix
 * it) and it carries the exit code the command ends with. Created by {@link IdicErrors} only.
 */
public class IdicException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ExitCode exitCode;

  protected IdicException(ExitCode exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public ExitCode exitCode() {
    return exitCode;
  }
}
