package io.netroot.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Chunk;
import com.github.difflib.patch.DeleteDelta;
import com.github.difflib.patch.InsertDelta;
import com.github.difflib.patch.Patch;
import java.util.Arrays;
import java.util.List;

/**
 * Unified diffs ({@code diff -u} style) between two texts, for plan and drift output, and the one
 * way a hand edit is shown ({@link #handEdit}).
 */
public final class UnifiedDiff {

  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  /**
   * The diff from {@code before} to {@code after}; {@code null} text means the file is absent
   * (labelled {@code /dev/null} as {@code diff -u} does). Empty when both are equal.
   */
  public static String between(
      String label, String beforeLabel, String before, String afterLabel, String after) {
    List<String> oldLines = lines(before);
    List<String> newLines = lines(after);
    if (oldLines.isEmpty() != newLines.isEmpty()) {
      return wholeSide(label, beforeLabel, before, afterLabel, after, oldLines, newLines);
    }
    Patch<String> patch = oneRun(oldLines, newLines);
    if (patch == null) {
      patch = DiffUtils.diff(oldLines, newLines);
    }
    if (patch.getDeltas().isEmpty()) {
      return "";
    }
    List<String> out =
        UnifiedDiffUtils.generateUnifiedDiff(
            before == null ? "/dev/null" : label + " (" + beforeLabel + ")",
            after == null ? "/dev/null" : label + " (" + afterLabel + ")",
            oldLines,
            patch,
            CONTEXT);
    StringBuilder text = new StringBuilder();
    for (String line : out) {
      text.append(line).append('\n');
    }
    return text.toString();
  }

  /**
   * The diff of a hand edit, as plan, drift and the agent's log show it: from the text netroot last
   * wrote ({@code "last applied"}) to the text on disk now ({@code "on disk"}).
   *
   * @param lastApplied the text netroot last wrote, or {@code null} when unknown or absent
   * @param onDisk the text on disk, or {@code null} when absent
   */
  public static String handEdit(String label, String lastApplied, String onDisk) {
    return between(label, "last applied", lastApplied, "on disk", onDisk);
  }

  /**
   * A file created or emptied: one hunk of every line, written directly. The diff algorithm would
   * give the same text, but its cost grows with the square of the line count when one side is
   * empty, which a new 100 000-line {@code dhcpd.conf} block makes plain.
   */
  private static String wholeSide(
      String label,
      String beforeLabel,
      String before,
      String afterLabel,
      String after,
      List<String> oldLines,
      List<String> newLines) {
    boolean added = oldLines.isEmpty();
    List<String> lines = added ? newLines : oldLines;
    int size = 64 + 2 * label.length();
    for (String line : lines) {
      size += line.length() + 2;
    }
    StringBuilder text = new StringBuilder(size);
    text.append("--- ")
        .append(before == null ? "/dev/null" : label + " (" + beforeLabel + ")")
        .append('\n');
    text.append("+++ ")
        .append(after == null ? "/dev/null" : label + " (" + afterLabel + ")")
        .append('\n');
    text.append(added ? "@@ -1,0 +1," + lines.size() + " @@" : "@@ -1," + lines.size() + " +1,0 @@")
        .append('\n');
    char sign = added ? '+' : '-';
    for (String line : lines) {
      text.append(sign).append(line).append('\n');
    }
    return text.toString();
  }

  /**
   * The patch when one side is the other with lines added, or removed, in one place, found from the
   * lines both share at the start and at the end; {@code null} when the change is any other. The
   * diff algorithm finds the same run, but its cost grows with the square of the lines added, which
   * a long block added to a file that is there (a {@code dhcpd.conf} written by hand) makes plain.
   */
  private static Patch<String> oneRun(List<String> oldLines, List<String> newLines) {
    int shorter = Math.min(oldLines.size(), newLines.size());
    int start = 0;
    while (start < shorter && oldLines.get(start).equals(newLines.get(start))) {
      start++;
    }
    int end = 0;
    while (end < shorter - start
        && oldLines
            .get(oldLines.size() - 1 - end)
            .equals(newLines.get(newLines.size() - 1 - end))) {
      end++;
    }
    List<String> removed = oldLines.subList(start, oldLines.size() - end);
    List<String> added = newLines.subList(start, newLines.size() - end);
    if (!removed.isEmpty() && !added.isEmpty()) {
      return null;
    }
    Patch<String> patch = new Patch<>();
    Chunk<String> source = new Chunk<>(start, removed);
    Chunk<String> target = new Chunk<>(start, added);
    if (!added.isEmpty()) {
      patch.addDelta(new InsertDelta<>(source, target));
    } else if (!removed.isEmpty()) {
      patch.addDelta(new DeleteDelta<>(source, target));
    }
    return patch;
  }

  private static List<String> lines(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    String[] parts = text.split("\n", -1);
    // a trailing newline ends the last line rather than starting an empty one
    int count = text.endsWith("\n") ? parts.length - 1 : parts.length;
    return Arrays.asList(parts).subList(0, count);
  }
}
