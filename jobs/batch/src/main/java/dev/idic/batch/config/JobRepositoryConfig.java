package dev.idic.batch.config;

import dev.idic.stages.contract.IdicErrors;
import java.util.Map;
import java.util.Optional;

/**
 * Where Spring Batch keeps its job repository. The password is never part of the configuration:
 * only the name of the environment variable holding it is.
 *
 * @param url JDBC URL (jdbc:h2:file:... embedded, jdbc:postgresql://... for production)
 * @param username database user, empty for none
 * @param passwordEnv name of the environment variable holding the password, empty for none
 */
public record JobRepositoryConfig(String url, String username, String passwordEnv) {

  /** The password read from {@link #passwordEnv()} in the given environment. */
  public Optional<String> password(Map<String, String> environment) {
    if (passwordEnv.isEmpty()) {
      return Optional.empty();
    }
    String password = environment.get(passwordEnv);
    if (password == null) {
      throw IdicErrors.invalidConfiguration(
          "Invalid configuration at job_repository.password_env",
          "the job repository password is read from the environment variable "
              + passwordEnv
              + ", which is not set",
          "export " + passwordEnv + " before running idic");
    }
    return Optional.of(password);
  }

  /** The URL with any inline password removed, for messages and logs. */
  public String redactedUrl() {
    return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
  }
}
