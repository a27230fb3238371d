package dev.idic.batch.config;

/**
 * An invalid configuration. The message is complete and meant for the user as is: which file, which
 * key, where, what is wrong and how to fix it.
 */
public class ConfigException extends RuntimeException {

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
