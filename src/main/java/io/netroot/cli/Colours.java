package io.netroot.cli;

/**
 * ANSI colours for a terminal: green for what is added, red for what is removed, yellow for what
 * changes, cyan for a diff's hunk headers. Without colours every method returns its text as it is.
 */
final class Colours {

  private static final String GREEN = "\u001b[32m";
  private static final String RED = "\u001b[31m";
  private static final String YELLOW = "\u001b[33m";
  private static final String CYAN = "\u001b[36m";
  private static final String BOLD = "\u001b[1m";
  private static final String RESET = "\u001b[0m";

  private final boolean on;

  Colours(boolean on) {
    this.on = on;
  }

  /** The plan's symbol of an action: {@code +} green, {@code -} red, {@code ~ *} yellow. */
  String symbol(String symbol) {
    return switch (symbol) {
      case "+" -> paint(GREEN, symbol);
      case "-" -> paint(RED, symbol);
      case "~", "*" -> paint(YELLOW, symbol);
      default -> symbol;
    };
  }

  /** A unified diff, line by line. */
  String diff(String diff) {
    if (!on) {
      return diff;
    }
    StringBuilder out = new StringBuilder(diff.length() + 64);
    for (String line : diff.split("\n", -1)) {
      if (line.startsWith("+++") || line.startsWith("---")) {
        out.append(paint(BOLD, line));
      } else if (line.startsWith("+")) {
        out.append(paint(GREEN, line));
      } else if (line.startsWith("-")) {
        out.append(paint(RED, line));
      } else if (line.startsWith("@@")) {
        out.append(paint(CYAN, line));
      } else {
        out.append(line);
      }
      out.append('\n');
    }
    out.setLength(out.length() - 1);
    return out.toString();
  }

  private String paint(String colour, String text) {
    return on && !text.isEmpty() ? colour + text + RESET : text;
  }
}
