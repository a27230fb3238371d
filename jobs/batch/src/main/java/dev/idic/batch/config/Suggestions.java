package dev.idic.batch.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for mistyped keys and values, by edit distance. */
final class Suggestions {

  private Suggestions() {}

  /** The candidate closest to what was typed, if it is close enough to be a plausible typo. */
  static Optional<String> closest(String typed, Collection<String> candidates) {
    String lowerTyped = typed.toLowerCase(Locale.ROOT);
    int tolerance = Math.max(2, typed.length() / 3);
    return candidates.stream()
        .filter(candidate -> distance(lowerTyped, candidate.toLowerCase(Locale.ROOT)) <= tolerance)
        .min(
            Comparator.comparingInt(
                    (String candidate) -> distance(lowerTyped, candidate.toLowerCase(Locale.ROOT)))
                .thenComparing(Comparator.naturalOrder()));
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
