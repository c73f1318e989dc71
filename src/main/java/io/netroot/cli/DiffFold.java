package io.netroot.cli;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Folds one long diff on a terminal: inside a hunk, a run of added (or removed) lines made of many
 * blocks of the same shape (the 1 000 {@code host} blocks a first plan adds to {@code dhcpd.conf})
 * shows its first {@value #SHOWN} blocks and then one line, {@code … 997 more host blocks added
 * (--full shows them)}. Blocks are of the same shape when their lines are the same but for names,
 * numbers, addresses and quoted strings; a block is one to {@value #LONGEST_BLOCK} lines, found
 * where it repeats at least {@value #FOLD_FROM} times in a row. Everything else of the diff,
 * headers and hunk lines included, is kept as it is.
 */
final class DiffFold {

  /** Blocks of one shape shown before the rest are folded. */
  static final int SHOWN = FleetView.SHOWN;

  /** Fewer blocks of one shape in a row than this are shown whole. */
  static final int FOLD_FROM = FleetView.FOLD_FROM;

  /** The longest block looked for, in lines. */
  static final int LONGEST_BLOCK = 16;

  private static final Pattern HUNK =
      Pattern.compile("^@@ -\\d+(?:,(\\d+))? \\+\\d+(?:,(\\d+))? @@");
  private static final Pattern INDENT = Pattern.compile("^\\s*");
  private static final Pattern KEYWORD = Pattern.compile("^\"?([A-Za-z][A-Za-z0-9_-]*)");
  private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.:/@+-]+");

  private DiffFold() {}

  /** {@code diff} with its long runs of same-shaped blocks folded. */
  static String fold(String diff) {
    List<String> lines = diff.lines().toList();
    StringBuilder out = new StringBuilder(Math.min(diff.length(), 1 << 16));
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      out.append(line).append('\n');
      i++;
      Matcher hunk = HUNK.matcher(line);
      if (!hunk.find()) {
        continue;
      }
      int oldLeft = count(hunk.group(1));
      int newLeft = count(hunk.group(2));
      int start = i;
      while (i < lines.size() && (oldLeft > 0 || newLeft > 0)) {
        char kind = lines.get(i).isEmpty() ? ' ' : lines.get(i).charAt(0);
        if (kind != '+') {
          oldLeft--;
        }
        if (kind != '-') {
          newLeft--;
        }
        i++;
        // a "\ No newline at end of file" line counts on neither side
        while (i < lines.size() && lines.get(i).startsWith("\\")) {
          i++;
        }
      }
      foldHunk(lines.subList(start, i), out);
    }
    return out.toString();
  }

  private static int count(String group) {
    return group == null ? 1 : Integer.parseInt(group);
  }

  /** The lines of one hunk, each run of added or removed lines folded. */
  private static void foldHunk(List<String> lines, StringBuilder out) {
    int i = 0;
    while (i < lines.size()) {
      char kind = lines.get(i).isEmpty() ? ' ' : lines.get(i).charAt(0);
      int end = i + 1;
      while (end < lines.size() && !lines.get(end).isEmpty() && lines.get(end).charAt(0) == kind) {
        end++;
      }
      if ((kind == '+' || kind == '-') && end - i >= FOLD_FROM) {
        foldRun(lines.subList(i, end), kind, out);
      } else {
        lines.subList(i, end).forEach(l -> out.append(l).append('\n'));
      }
      i = end;
    }
  }

  /** One run of added ({@code +}) or removed ({@code -}) lines. */
  private static void foldRun(List<String> run, char kind, StringBuilder out) {
    List<String> shapes = run.stream().map(l -> shape(l.substring(1))).toList();
    int i = 0;
    while (i < run.size()) {
      int bestPeriod = 0;
      int bestRepeats = 0;
      for (int period = 1; period <= LONGEST_BLOCK && i + 2 * period <= run.size(); period++) {
        int repeats = repeats(shapes, i, period);
        if (repeats >= FOLD_FROM && repeats * period > bestRepeats * bestPeriod) {
          bestPeriod = period;
          bestRepeats = repeats;
        }
      }
      if (bestPeriod == 0) {
        out.append(run.get(i)).append('\n');
        i++;
        continue;
      }
      // Where a block of the repeating lines starts is where the first one heads its block: the
      // "host" of "host …{ … }", not the "}" before it that happens to repeat too.
      int offset = headOffset(shapes, i, bestPeriod);
      if (offset > 0 && repeats(shapes, i + offset, bestPeriod) >= FOLD_FROM) {
        for (int k = i; k < i + offset; k++) {
          out.append(run.get(k)).append('\n');
        }
        i += offset;
        bestRepeats = repeats(shapes, i, bestPeriod);
      }
      for (int k = i; k < i + SHOWN * bestPeriod; k++) {
        out.append(run.get(k)).append('\n');
      }
      out.append("… ")
          .append(bestRepeats - SHOWN)
          .append(" more ")
          .append(noun(run.subList(i, i + bestPeriod)))
          .append(kind == '+' ? " added" : " removed")
          .append(" (--full shows them)\n");
      i += bestRepeats * bestPeriod;
    }
  }

  /**
   * Which line of the block of {@code period} lines at {@code start} heads it: the least indented
   * line that starts with a word, else the first line.
   */
  private static int headOffset(List<String> shapes, int start, int period) {
    int best = 0;
    int bestIndent = Integer.MAX_VALUE;
    for (int o = 0; o < period; o++) {
      String shape = shapes.get(start + o);
      Matcher indent = INDENT.matcher(shape);
      indent.find();
      boolean word = KEYWORD.matcher(shape.substring(indent.end())).find();
      if (word && indent.end() < bestIndent) {
        best = o;
        bestIndent = indent.end();
      }
    }
    return best;
  }

  /** How many times the block of {@code period} lines at {@code start} repeats from there on. */
  private static int repeats(List<String> shapes, int start, int period) {
    int repeats = 1;
    while (start + (repeats + 1) * period <= shapes.size()
        && shapes
            .subList(start + repeats * period, start + (repeats + 1) * period)
            .equals(shapes.subList(start, start + period))) {
      repeats++;
    }
    return repeats;
  }

  /**
   * A line without what tells one block from another: its indentation and first word are kept,
   * quoted strings and the words after it (names, numbers, addresses) become placeholders.
   */
  static String shape(String line) {
    Matcher indent = INDENT.matcher(line);
    indent.find();
    String rest = line.substring(indent.end());
    Matcher keyword = KEYWORD.matcher(rest);
    String head = keyword.find() ? keyword.group() : "";
    String tail = rest.substring(head.length());
    tail = WORD.matcher(tail).replaceAll("w");
    tail = QUOTED.matcher(tail).replaceAll("s");
    return indent.group() + head + tail;
  }

  /** {@code host blocks}, {@code dhcp-host lines}, or {@code blocks of 6 lines}. */
  private static String noun(List<String> block) {
    String keyword = "";
    for (String line : block) {
      Matcher m = KEYWORD.matcher(line.substring(1).strip());
      if (m.find()) {
        keyword = m.group(1);
        break;
      }
      if (!line.substring(1).isBlank()) {
        break;
      }
    }
    if (block.size() == 1) {
      return keyword.isEmpty() ? "lines of the same shape" : keyword + " lines";
    }
    return keyword.isEmpty() ? "blocks of " + block.size() + " lines" : keyword + " blocks";
  }
}
