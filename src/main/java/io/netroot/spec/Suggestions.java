package io.netroot.spec;

import java.util.Collection;

/**
 * Finds the known name closest to a misspelt one, so that messages can say "did you mean". Typos in
 * field names, export options and references are the most common spec mistakes.
 */
final class Suggestions {

  private Suggestions() {}

  /** The candidate nearest to {@code wrong} by edit distance, or {@code null} if none is close. */
  static String nearest(String wrong, Collection<String> candidates) {
    int limit = Math.max(2, wrong.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(wrong, candidate, limit);
      if (distance <= limit && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** " (did you mean "x"?)" when a candidate is close, else "". */
  static String didYouMean(String wrong, Collection<String> candidates) {
    String near = nearest(wrong, candidates);
    return near == null ? "" : "; did you mean \"" + near + "\"?";
  }

  /** Levenshtein distance, ignoring case, giving up early once it exceeds {@code limit}. */
  static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return limit + 1;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowMin = current[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost =
            Character.toLowerCase(a.charAt(i - 1)) == Character.toLowerCase(b.charAt(j - 1))
                ? 0
                : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
        rowMin = Math.min(rowMin, current[j]);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
