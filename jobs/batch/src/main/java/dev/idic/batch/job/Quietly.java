package dev.idic.batch.job;

/** Closing what the process no longer needs, where a failure to close changes nothing. */
final class Quietly {

  private Quietly() {}

  /**
   * Closes {@code resource} (null is fine) and ignores a failure: used for lock files and
   * connections being released, whose server-side state (file locks, advisory locks, H2 sessions)
   * goes away with them or with the process anyway.
   */
  static void close(AutoCloseable resource) {
    if (resource == null) {
      return;
    }
    try {
      resource.close();
    } catch (Exception ignored) {
      // Nothing to recover: see above.
    }
  }
}
