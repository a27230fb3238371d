package dev.idic.stages.contract;

/**
 * The one way to create an error a user reads. Every message has the same three parts, in this
 * order: where (file, key, line, row, table), the problem, and the fix; the kind of error fixes its
 * exit code through {@link ExitCode}.
 *
 * <pre>{@code
 * throw IdicErrors.inputRejected(
 *     "input 'transactions' at /data/sales.csv",
 *     "has no data rows",
 *     "check the path, or the header and format settings");
 * }</pre>
 *
 * gives "input 'transactions' at /data/sales.csv: has no data rows. Fix: check the path, or the
 * header and format settings." and exit code 3.
 */
public final class IdicErrors {

  private IdicErrors() {}

  /** A configuration file, key or command-line option that cannot be used; nothing was run. */
  public static IdicException invalidConfiguration(String where, String problem, String fix) {
    return of(ExitCode.INVALID_CONFIGURATION, where, problem, fix, null);
  }

  /** As {@link #invalidConfiguration(String, String, String)}, keeping the parser's error. */
  public static IdicException invalidConfiguration(
      String where, String problem, String fix, Throwable cause) {
    return of(ExitCode.INVALID_CONFIGURATION, where, problem, fix, cause);
  }

  /** Input data that cannot be used: missing, empty, unreadable, or too many bad rows. */
  public static IdicException inputRejected(String where, String problem, String fix) {
    return of(ExitCode.INPUT_REJECTED, where, problem, fix, null);
  }

  /** As {@link #inputRejected(String, String, String)}, keeping the underlying error. */
  public static IdicException inputRejected(
      String where, String problem, String fix, Throwable cause) {
    return of(ExitCode.INPUT_REJECTED, where, problem, fix, cause);
  }

  /** The job repository, work folder or warehouse cannot be used. */
  public static IdicException environment(
      String where, String problem, String fix, Throwable cause) {
    return of(ExitCode.ENVIRONMENT, where, problem, fix, cause);
  }

  /**
   * The night's models failed the holdout backtest's quality gate: nothing is published, and a
   * rerun of the same data fails the same way until the threshold or the data changes.
   */
  public static IdicException qualityGateFailed(String where, String problem, String fix) {
    return of(ExitCode.QUALITY_GATE_FAILED, where, problem, fix, null);
  }

  /**
   * A run that failed for a reason a rerun can get past (or a bug): the same command restarts the
   * run at its failed step.
   */
  public static IdicException runFailed(String where, String problem, String fix) {
    return of(ExitCode.RUN_FAILED, where, problem, fix, null);
  }

  /** As {@link #runFailed(String, String, String)}, keeping the underlying error. */
  public static IdicException runFailed(String where, String problem, String fix, Throwable cause) {
    return of(ExitCode.RUN_FAILED, where, problem, fix, cause);
  }

  /** The message format shared by every error: {@code <where>: <problem>. Fix: <fix>.} */
  public static String message(String where, String problem, String fix) {
    return where + ": " + sentence(problem) + " Fix: " + sentence(fix);
  }

  private static IdicException of(
      ExitCode code, String where, String problem, String fix, Throwable cause) {
    return new IdicException(code, message(where, problem, fix), cause);
  }

  private static String sentence(String text) {
    String trimmed = text.strip();
    char last = trimmed.isEmpty() ? '.' : trimmed.charAt(trimmed.length() - 1);
    return last == '.' || last == '?' || last == '!' ? trimmed : trimmed + ".";
  }
}
