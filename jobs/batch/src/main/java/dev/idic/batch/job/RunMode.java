package dev.idic.batch.job;

/** Whether a run may reuse what the job repository already knows about its date. */
public enum RunMode {
  /** Skip a completed date, restart a failed one at its failed step, else start. */
  RESUME,
  /** Run the date again from the first step even if it completed (a new job instance). */
  FORCE
}
