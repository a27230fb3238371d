package dev.idic.stages.contract;

/**
 * The exit codes of every idic command: a stable contract for schedulers (cron, Airflow,
 * Kubernetes), never renumbered. This enum is the one table of them; the CLI's help footer is
 * printed from it and a test checks README.md's table against it.
 */
public enum ExitCode {
  OK(0, "success, or the date was already done (nothing rerun)"),
  RUN_FAILED(1, "the run failed; the same command restarts it at the failed step"),
  INVALID_CONFIGURATION(
      2,
      "invalid configuration or command line; nothing was published (most are found before the"
          + " night starts; one that only the data shows, such as an exclusion rule that is no"
          + " condition on the input's columns, fails its step, and the same command restarts"
          + " there once fixed)"),
  INPUT_REJECTED(
      3,
      "input rejected: missing, empty or unreadable input, a required column absent, more"
          + " quarantined rows than `max_reject_ratio`, or too little data to fit a model"),
  ALREADY_RUNNING(4, "another run for the same date is in progress"),
  ENVIRONMENT(
      5,
      "the job repository, the work folder or the warehouse is unusable (unreachable, wrong"
          + " credentials, not writable)"),
  QUALITY_GATE_FAILED(
      6,
      "model quality gate failed: the holdout backtest's error is above `validation.max_abs_error`"
          + " or the purchase model's fit is degenerate; nothing was published, the validation"
          + " tables are kept in the staging folder the message names");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  /** The process exit status. */
  public int code() {
    return code;
  }

  /** What the code tells a scheduler, as the README's exit-code table says it (Markdown). */
  public String meaning() {
    return meaning;
  }
}
