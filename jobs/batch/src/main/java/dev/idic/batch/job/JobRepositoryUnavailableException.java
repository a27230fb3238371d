package dev.idic.batch.job;

/** The job repository database cannot be reached or prepared; nothing was run. */
public class JobRepositoryUnavailableException extends RuntimeException {

  public JobRepositoryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
