package io.netroot.adopt;

/**
 * A stretch of a file's text: offsets {@code [start, end)} and the 1-based lines they span.
 *
 * @param start offset of the first character
 * @param end offset just past the last character
 * @param firstLine the first line
 * @param lastLine the last line
 */
public record LineRange(int start, int end, int firstLine, int lastLine) {

  /** Whether the two share a character. */
  public boolean overlaps(LineRange other) {
    return start < other.end && other.start < end;
  }

  /** {@code line 7} or {@code lines 7-12}. */
  public String lines() {
    return firstLine == lastLine ? "line " + firstLine : "lines " + firstLine + "-" + lastLine;
  }
}
