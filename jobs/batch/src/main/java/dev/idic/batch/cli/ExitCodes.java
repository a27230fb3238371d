package dev.idic.batch.cli;

import dev.idic.batch.job.RunOutcome;

/**
 * The exit codes of every idic command. They are a stable, documented contract for schedulers
 * (cron, Airflow, Kubernetes): never renumber one.
 */
public final class ExitCodes {

  /** Success, including a run for a date that was already done (a no-op). */
  public static final int OK = 0;

  /** The run failed; running the same command again restarts it at the failed step. */
  public static final int RUN_FAILED = 1;

  /** Invalid configuration or command-line usage; nothing was run. */
  public static final int INVALID_CONFIGURATION = 2;

  /**
   * An input was rejected: its quarantined share exceeded max_reject_ratio, or it cannot be used at
   * all (missing, empty, unreadable, a required column absent). Rerunning after the fix restarts at
   * the step that refused it.
   */
  public static final int INPUT_REJECTED = 3;

  /** Another run for the same as-of date is in progress; this one was not started. */
  public static final int ALREADY_RUNNING = 4;

  /**
   * The environment is unusable: job repository unreachable or refusing the credentials, work
   * folder or warehouse not writable. Nothing was run.
   */
  public static final int ENVIRONMENT = 5;

  private ExitCodes() {}

  /** The exit code of a run's outcome. */
  public static int of(RunOutcome.Result result) {
    return switch (result) {
      case COMPLETED, ALREADY_DONE -> OK;
      case FAILED -> RUN_FAILED;
      case INPUT_REJECTED -> INPUT_REJECTED;
      case ALREADY_RUNNING -> ALREADY_RUNNING;
    };
  }
}
