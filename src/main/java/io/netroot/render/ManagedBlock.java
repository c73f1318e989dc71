package io.netroot.render;

import java.util.Objects;
import java.util.Optional;

/**
 * Markers of a netroot-owned block inside a file someone else also edits (dhcpd.conf,
 * /etc/exports). netroot only ever rewrites the text between the markers; every byte outside them
 * is the administrator's and is kept exactly, line endings included.
 *
 * <p>A line is a marker when, with surrounding whitespace (and a CR of a CRLF line) ignored, it is
 * exactly the marker text, so a file an editor converted to CRLF is still recognised.
 */
public final class ManagedBlock {

  /** Markers for files whose comments start with {@code #}: dhcpd.conf, exports(5). */
  public static final ManagedBlock HASH_COMMENTS =
      new ManagedBlock(
          "# BEGIN netroot",
          "# END netroot",
          "# managed by netroot, edit the specs: changes inside this block are reverted");

  private final String begin;
  private final String end;
  private final String notice;

  private ManagedBlock(String begin, String end, String notice) {
    this.begin = begin;
    this.end = end;
    this.notice = notice;
  }

  /**
   * Where a block is in a file.
   *
   * @param start offset of the first character of the BEGIN marker line
   * @param end offset just past the END marker line's newline (or the end of the file when that
   *     line has none)
   * @param text the block, {@code fileText.substring(start, end)}
   */
  public record Located(int start, int end, String text) {}

  /**
   * The block around {@code body}: BEGIN marker line, notice line, the body, END marker line. Every
   * line ends with {@code \n}; a body lacking a final newline gets one. The body may be empty.
   *
   * @throws IllegalArgumentException when the body itself contains a marker line
   */
  public String wrap(String body) {
    Objects.requireNonNull(body, "body");
    int markerLine = firstMarkerLine(body);
    if (markerLine > 0) {
      throw new IllegalArgumentException(
          "the block body contains a netroot marker line at line " + markerLine);
    }
    StringBuilder out = new StringBuilder(body.length() + 160);
    out.append(begin).append('\n').append(notice).append('\n').append(body);
    if (!body.isEmpty() && body.charAt(body.length() - 1) != '\n') {
      out.append('\n');
    }
    return out.append(end).append('\n').toString();
  }

  /**
   * Finds the block in a file.
   *
   * @return the block, or empty when the file has no markers at all
   * @throws MalformedBlockException when a BEGIN has no END, an END has no BEGIN, or there are two
   *     blocks
   */
  public Optional<Located> find(String fileText) {
    Objects.requireNonNull(fileText, "fileText");
    int blockStart = -1;
    int beginLine = 0;
    Located found = null;
    int foundLine = 0;
    int line = 0;
    int pos = 0;
    int length = fileText.length();
    while (pos < length) {
      line++;
      int newline = fileText.indexOf('\n', pos);
      int next = newline < 0 ? length : newline + 1;
      int kind = markerKind(fileText, pos, newline < 0 ? length : newline);
      if (kind == BEGIN) {
        if (blockStart >= 0) {
          throw new MalformedBlockException(
              "\""
                  + begin
                  + "\" at line "
                  + beginLine
                  + " has no \""
                  + end
                  + "\" before the next \""
                  + begin
                  + "\" at line "
                  + line);
        }
        if (found != null) {
          throw twoBlocks(foundLine, line);
        }
        blockStart = pos;
        beginLine = line;
      } else if (kind == END) {
        if (blockStart < 0) {
          throw new MalformedBlockException(
              "\"" + end + "\" at line " + line + " has no \"" + begin + "\" before it");
        }
        found = new Located(blockStart, next, fileText.substring(blockStart, next));
        foundLine = beginLine;
        blockStart = -1;
      }
      pos = next;
    }
    if (blockStart >= 0) {
      throw new MalformedBlockException(
          "\"" + begin + "\" at line " + beginLine + " has no \"" + end + "\" after it");
    }
    return Optional.ofNullable(found);
  }

  private MalformedBlockException twoBlocks(int firstLine, int secondLine) {
    return new MalformedBlockException(
        "two netroot blocks, starting at lines "
            + firstLine
            + " and "
            + secondLine
            + "; remove one of them");
  }

  /**
   * The file with its block replaced by {@code wrappedBlock}, every byte outside the block kept.
   * Without a block the wrapped block is appended (after a {@code \n} when the file is non-empty
   * and does not end with one); a {@code null} file becomes the block alone.
   *
   * @param fileTextOrNull the current file, or {@code null} when it does not exist
   * @param wrappedBlock the output of {@link #wrap(String)}
   * @throws MalformedBlockException when the file's markers are broken
   */
  public String splice(String fileTextOrNull, String wrappedBlock) {
    return splice(fileTextOrNull, wrappedBlock, BlockPlacement.APPEND);
  }

  /**
   * The file with its block replaced by {@code wrappedBlock}, every byte outside the block kept;
   * without a block, {@code placement} puts it in.
   *
   * @throws MalformedBlockException when the file's markers are broken, or {@code placement} finds
   *     no place for the block
   */
  public String splice(String fileTextOrNull, String wrappedBlock, BlockPlacement placement) {
    Objects.requireNonNull(wrappedBlock, "wrappedBlock");
    if (fileTextOrNull == null) {
      return placement.insert(null, wrappedBlock);
    }
    Optional<Located> located = find(fileTextOrNull);
    if (located.isPresent()) {
      Located block = located.get();
      return fileTextOrNull.substring(0, block.start())
          + wrappedBlock
          + fileTextOrNull.substring(block.end());
    }
    return placement.insert(fileTextOrNull, wrappedBlock);
  }

  /**
   * The file without its block (the marker lines included); unchanged when it has none.
   *
   * @throws MalformedBlockException when the file's markers are broken
   */
  public String remove(String fileText) {
    return find(fileText)
        .map(block -> fileText.substring(0, block.start()) + fileText.substring(block.end()))
        .orElse(fileText);
  }

  private static final int NONE = 0;
  private static final int BEGIN = 1;
  private static final int END = 2;

  /** Whether {@code text[from, to)} (one line without its newline) is a marker line. */
  private int markerKind(String text, int from, int to) {
    while (from < to && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    int length = to - from;
    if (length == begin.length() && text.startsWith(begin, from)) {
      return BEGIN;
    }
    if (length == end.length() && text.startsWith(end, from)) {
      return END;
    }
    return NONE;
  }

  /** The 1-based number of the first marker line in {@code text}, or 0 when there is none. */
  private int firstMarkerLine(String text) {
    int line = 0;
    int pos = 0;
    while (pos < text.length()) {
      line++;
      int newline = text.indexOf('\n', pos);
      int lineEnd = newline < 0 ? text.length() : newline;
      if (markerKind(text, pos, lineEnd) != NONE) {
        return line;
      }
      pos = lineEnd + 1;
    }
    return 0;
  }

  /** Whether {@code line} (without its newline) would be taken for a marker line. */
  boolean isMarkerLine(String line) {
    return markerKind(line, 0, line.length()) != NONE;
  }
}
