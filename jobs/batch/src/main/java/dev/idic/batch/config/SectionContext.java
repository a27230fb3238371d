package dev.idic.batch.config;

import dev.idic.stages.contract.IdicErrors;
import dev.idic.stages.contract.IdicException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What every section needs to complete itself from one file: where a key was written (file, line,
 * or the environment variable that overrode it), path resolution, and the shared checks. Errors
 * name the file and the key with its line, so a section never builds a message of its own shape.
 */
final class SectionContext {

  private static final Pattern URI_WITH_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]+:.*");

  private final Path source;
  private final YamlLocations locations;
  private final Map<String, String> environment;
  private final Path currentDirectory;

  SectionContext(
      Path source,
      YamlLocations locations,
      Map<String, String> environment,
      Path currentDirectory) {
    this.source = source;
    this.locations = locations;
    this.environment = environment;
    this.currentDirectory = currentDirectory;
  }

  /** Where relative paths from the environment and the defaults resolve. */
  Path currentDirectory() {
    return currentDirectory;
  }

  /** A path from the file (resolved against its folder) or the environment, else a default. */
  String resolved(String key, String fromFile, String fallback) {
    Optional<String> fromEnvironment = override(key);
    if (fromEnvironment.isPresent()) {
      return absolute(currentDirectory, fromEnvironment.get());
    }
    if (fromFile != null && !fromFile.isBlank()) {
      return absolute(source.getParent(), fromFile);
    }
    return fallback;
  }

  /** The value of the environment variable that overrides a key, if one is set. */
  Optional<String> override(String key) {
    return ConfigLoader.ENVIRONMENT_OVERRIDES.entrySet().stream()
        .filter(entry -> entry.getValue().equals(key))
        .map(entry -> environment.get(entry.getKey()))
        .filter(Objects::nonNull)
        .filter(value -> !value.isBlank())
        .findFirst();
  }

  void requireRange(String key, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw invalid(
          key,
          "must be between " + min + " and " + max + ", got " + value,
          "use a fraction such as 0.05 for 5%");
    }
  }

  /** A required key that is absent; points at the enclosing section, which is in the file. */
  IdicException missing(String key, String fix) {
    return IdicErrors.invalidConfiguration(
        "Invalid configuration in " + source,
        "missing required key " + key + locationOfParent(key),
        fix);
  }

  /** A key whose value cannot be used. */
  IdicException invalid(String key, String problem, String fix) {
    return IdicErrors.invalidConfiguration(
        "Invalid configuration in " + source + " at " + key + origin(key), problem, fix);
  }

  /** A key and where it is written, for messages raised after loading ("key in file line 12"). */
  String where(String key) {
    return key + " in " + source + origin(key);
  }

  private String origin(String key) {
    return ConfigLoader.ENVIRONMENT_OVERRIDES.entrySet().stream()
        .filter(entry -> entry.getValue().equals(key) && environment.containsKey(entry.getKey()))
        .map(entry -> " (from environment variable " + entry.getKey() + ")")
        .findFirst()
        .orElseGet(() -> locations.describe(key));
  }

  private String locationOfParent(String key) {
    int cut = key.lastIndexOf('.');
    if (cut < 0) {
      return "";
    }
    String parent = key.substring(0, cut);
    String location = locations.describe(parent);
    return location.isEmpty() ? "" : " (in " + parent + location + ")";
  }

  private static String absolute(Path base, String path) {
    if (URI_WITH_SCHEME.matcher(path).matches()) {
      return path;
    }
    return base.resolve(path).toAbsolutePath().normalize().toString();
  }

  static <T> T orDefault(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
