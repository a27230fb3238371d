package dev.idic.batch.config;

import static dev.idic.batch.config.SectionContext.orDefault;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The {@code job_repository} section; {@code IDIC_JOB_REPOSITORY_URL} and {@code
 * IDIC_JOB_REPOSITORY_USERNAME} override the URL and the user. Without a URL the job repository is
 * an embedded H2 file under the work folder.
 */
final class JobRepositorySection {

  /** User of the embedded H2 file; other databases have none unless configured. */
  static final String DEFAULT_H2_USERNAME = "sa";

  private final SectionContext context;

  JobRepositorySection(SectionContext context) {
    this.context = context;
  }

  /**
   * The default H2 file writes every commit at once (WRITE_DELAY=0): a step's end must be on disk
   * before the next step starts, or a killed or exiting process leaves the date looking unfinished.
   * H2's default delays writes to a background thread.
   */
  static String defaultUrl(Path workDir) {
    return "jdbc:h2:file:"
        + workDir.resolve("job-repository").resolve("idic")
        + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
  }

  JobRepositoryConfig complete(RawConfig.JobRepository raw, Path workDir) {
    String fileUrl = raw == null ? null : raw.url();
    String url =
        context.override("job_repository.url").orElse(orDefault(fileUrl, defaultUrl(workDir)));
    if (!url.startsWith("jdbc:")) {
      throw context.invalid(
          "job_repository.url",
          "'" + url + "' is not a JDBC URL",
          "use jdbc:h2:file:/path/to/db or jdbc:postgresql://host:5432/database");
    }
    if (url.toLowerCase(Locale.ROOT).contains("password=")) {
      throw context.invalid(
          "job_repository.url",
          "contains a password",
          "remove it from the URL and name an environment variable holding it in"
              + " job_repository.password_env");
    }
    boolean h2 = url.startsWith("jdbc:h2:");
    String username =
        context
            .override("job_repository.username")
            .orElse(orDefault(raw == null ? null : raw.username(), h2 ? DEFAULT_H2_USERNAME : ""));
    String passwordEnv = orDefault(raw == null ? null : raw.passwordEnv(), "");
    return new JobRepositoryConfig(url, username, passwordEnv);
  }
}
