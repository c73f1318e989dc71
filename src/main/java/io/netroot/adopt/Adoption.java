package io.netroot.adopt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What netroot takes over from a file it shares with people: the declarations outside its block
 * that the specs now own (the same subnet, the same host, the same export path). They leave the
 * text outside the block, and the block, rendered from the specs, declares them instead, so the
 * file holds each of them once.
 *
 * @param moved the declarations, in file order; never empty
 */
public record Adoption(List<Moved> moved) {

  public Adoption {
    moved = moved.stream().sorted(Comparator.comparingInt(m -> m.range().start())).toList();
    if (moved.isEmpty()) {
      throw new IllegalArgumentException("an adoption moves at least one declaration");
    }
  }

  /**
   * One declaration that moves.
   *
   * @param what the declaration for people: {@code host mylaptop}, {@code subnet 10.0.0.0/24}
   * @param range its lines in the file
   */
  public record Moved(String what, LineRange range) {}

  /**
   * The file's text without the moved declarations; every other byte is kept, but for a blank line
   * that a declaration leaves doubled (it stood between two blank lines, or first in the file).
   */
  public String removeFrom(String fileText) {
    StringBuilder out = new StringBuilder(fileText.length());
    int at = 0;
    for (Moved m : moved) {
      out.append(fileText, at, Math.max(at, m.range().start()));
      at = Math.max(at, m.range().end());
      boolean blankBefore =
          out.isEmpty() || out.length() >= 2 && out.lastIndexOf("\n\n") == out.length() - 2;
      if (blankBefore && fileText.startsWith("\n", at)) {
        at++;
      }
    }
    return out.append(fileText, at, fileText.length()).toString();
  }

  /**
   * One line for people: {@code adopts host mylaptop (lines 11-14), subnet 10.0.0.0/24 (lines 3-9)
   * into netroot's block}.
   */
  public String describe() {
    List<String> parts = new ArrayList<>();
    for (Moved m : moved) {
      parts.add(m.what() + " (" + m.range().lines() + ")");
    }
    return "adopts " + String.join(", ", parts) + " into netroot's block";
  }
}
