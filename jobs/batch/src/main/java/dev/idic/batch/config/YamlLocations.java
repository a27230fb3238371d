package dev.idic.batch.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Line and column of every key in a YAML file, so that errors found after binding (a bad zone id,
 * shares over 100%) can still point at the line. Keys are dotted paths like {@code
 * inputs.transactions.format}, list elements {@code rfm.frequency_cuts[2]}.
 */
final class YamlLocations {

  private final Map<String, JsonLocation> byPath;

  private YamlLocations(Map<String, JsonLocation> byPath) {
    this.byPath = byPath;
  }

  static YamlLocations scan(YAMLFactory factory, Path file) throws IOException {
    Map<String, JsonLocation> byPath = new HashMap<>();
    try (JsonParser parser = factory.createParser(file.toFile())) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        JsonStreamContext context = parser.getParsingContext();
        boolean key = token == JsonToken.FIELD_NAME;
        boolean listElement =
            context.inArray() && token != JsonToken.END_ARRAY && token != JsonToken.END_OBJECT;
        if (key || listElement) {
          byPath.putIfAbsent(path(context), parser.currentTokenLocation());
        }
      }
    }
    return new YamlLocations(byPath);
  }

  static YamlLocations none() {
    return new YamlLocations(Map.of());
  }

  /** "(line 3, column 5)" for the key at a path, or for its nearest parent that is in the file. */
  String describe(String path) {
    String candidate = path;
    while (!candidate.isEmpty()) {
      Optional<String> found =
          Optional.ofNullable(byPath.get(candidate)).map(YamlLocations::format);
      if (found.isPresent()) {
        return found.get();
      }
      int cut = Math.max(candidate.lastIndexOf('.'), candidate.lastIndexOf('['));
      candidate = cut < 0 ? "" : candidate.substring(0, cut);
    }
    return "";
  }

  static String format(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  private static String path(JsonStreamContext innermost) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext context = innermost;
        context != null && !context.inRoot();
        context = context.getParent()) {
      if (context.inArray()) {
        parts.push("[" + context.getCurrentIndex() + "]");
      } else if (context.getCurrentName() != null) {
        parts.push("." + context.getCurrentName());
      }
    }
    String joined = String.join("", parts);
    return joined.startsWith(".") ? joined.substring(1) : joined;
  }
}
