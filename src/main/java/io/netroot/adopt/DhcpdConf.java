package io.netroot.adopt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * ISC dhcpd.conf(5) read as statements: each is the words before its {@code ;} or its block, with
 * the statements of the block, and where it is in the text. Enough of the grammar to find the
 * declarations netroot owns (subnets, hosts) and the values an import needs; it does not judge
 * whether a value is valid, which stays {@code dhcpd -t}'s job.
 *
 * <p>The tokens: {@code #} to the end of the line is a comment; a {@code "…"} string may hold
 * {@code \"} and spans no newline; {@code { } ; ,} stand alone; any other run of non-blank
 * characters is one word ({@code 08:00:2b:4c:59:23}, {@code 10.0.0.1}, {@code =}).
 */
public final class DhcpdConf {

  private final String text;
  private final List<Statement> statements;

  private DhcpdConf(String text, List<Statement> statements) {
    this.text = text;
    this.statements = statements;
  }

  /**
   * One word of a statement.
   *
   * @param text the word; a string's text without its quotes and escapes
   * @param quoted whether it was a {@code "…"} string
   * @param line its 1-based line
   */
  public record Word(String text, boolean quoted, int line) {
    @Override
    public String toString() {
      return quoted ? '"' + text + '"' : text;
    }
  }

  /**
   * One statement: {@code option routers 10.0.0.1;} or {@code subnet … { … }}.
   *
   * @param words the words before {@code ;} or {@code {}, commas included as {@code ,}
   * @param children the statements of its block, or {@code null} for a simple statement
   * @param start offset of its first word
   * @param end offset just past its {@code ;} or closing brace
   * @param line 1-based line of its first word
   * @param lastLine 1-based line of its {@code ;} or closing brace
   */
  public record Statement(
      List<Word> words, List<Statement> children, int start, int end, int line, int lastLine) {

    /** Whether it is a block ({@code subnet … { … }}). */
    public boolean block() {
      return children != null;
    }

    /** Its first word, lowercase; empty for a statement without words. */
    public String keyword() {
      return words.isEmpty() ? "" : words.get(0).text().toLowerCase(Locale.ROOT);
    }

    /** Word {@code i}'s text, or empty. */
    public Optional<String> word(int i) {
      return i < words.size() ? Optional.of(words.get(i).text()) : Optional.empty();
    }

    /** The words as written, joined by blanks: {@code hardware ethernet 08:00:2b:4c:59:23}. */
    public String head() {
      StringBuilder out = new StringBuilder();
      for (Word w : words) {
        boolean comma = !w.quoted() && w.text().equals(",");
        if (!out.isEmpty() && !comma) {
          out.append(' ');
        }
        out.append(w);
      }
      return out.toString();
    }

    /** The direct children whose keyword is {@code keyword}; none for a simple statement. */
    public List<Statement> all(String keyword) {
      if (children == null) {
        return List.of();
      }
      return children.stream().filter(s -> s.keyword().equals(keyword)).toList();
    }

    /** The first direct child whose keyword is {@code keyword}. */
    public Optional<Statement> first(String keyword) {
      return all(keyword).stream().findFirst();
    }
  }

  /** The file's text could not be read as statements. */
  public static final class SyntaxException extends IllegalArgumentException {
    private final int line;

    SyntaxException(int line, String message) {
      super("line " + line + ": " + message);
      this.line = line;
    }

    /** The 1-based line of the problem. */
    public int line() {
      return line;
    }
  }

  /**
   * Reads {@code text}.
   *
   * @throws SyntaxException for an unbalanced brace, an unterminated string, or words left without
   *     a {@code ;} at the end of a block or of the file
   */
  public static DhcpdConf parse(String text) {
    Parser parser = new Parser(text);
    List<Statement> top = parser.statements(false);
    return new DhcpdConf(text, top);
  }

  /** The top-level statements. */
  public List<Statement> statements() {
    return statements;
  }

  /** The text that was read. */
  public String text() {
    return text;
  }

  /**
   * The lines a statement takes, as a range of offsets to remove it: from the start of its first
   * line (or of the comment lines right above it, which speak of it) to just past the newline of
   * its last line, when nothing else shares those lines; otherwise just the statement.
   */
  public LineRange linesOf(Statement s) {
    int lineStart = text.lastIndexOf('\n', s.start() - 1) + 1;
    int lineEnd = text.indexOf('\n', s.end());
    int afterLine = lineEnd < 0 ? text.length() : lineEnd + 1;
    boolean aloneBefore = text.substring(lineStart, s.start()).isBlank();
    String after = text.substring(s.end(), lineEnd < 0 ? text.length() : lineEnd).strip();
    boolean aloneAfter = after.isEmpty() || after.startsWith("#");
    if (!aloneBefore || !aloneAfter) {
      return new LineRange(s.start(), s.end(), s.line(), s.lastLine());
    }
    int from = lineStart;
    int firstLine = s.line();
    while (from > 0) {
      int previousStart = text.lastIndexOf('\n', from - 2) + 1;
      String previous = text.substring(previousStart, from - 1).strip();
      if (!previous.startsWith("#") || previous.startsWith("# END netroot")) {
        break;
      }
      from = previousStart;
      firstLine--;
    }
    return new LineRange(from, afterLine, firstLine, s.lastLine());
  }

  /** Reads statements from the text, keeping offsets and lines. */
  private static final class Parser {
    private final String text;
    private int pos;
    private int line = 1;

    Parser(String text) {
      this.text = text;
    }

    List<Statement> statements(boolean inBlock) {
      List<Statement> out = new ArrayList<>();
      List<Word> words = new ArrayList<>();
      int start = -1;
      int startLine = 0;
      while (true) {
        skipBlanksAndComments();
        if (pos >= text.length()) {
          if (inBlock) {
            throw new SyntaxException(line, "a block is not closed: \"}\" missing");
          }
          if (!words.isEmpty()) {
            throw new SyntaxException(startLine, "statement without \";\": " + joined(words));
          }
          return out;
        }
        char c = text.charAt(pos);
        if (start < 0) {
          start = pos;
          startLine = line;
        }
        switch (c) {
          case ';' -> {
            pos++;
            out.add(new Statement(List.copyOf(words), null, start, pos, startLine, line));
            words.clear();
            start = -1;
          }
          case '{' -> {
            pos++;
            List<Statement> children = statements(true);
            out.add(new Statement(List.copyOf(words), children, start, pos, startLine, line));
            words.clear();
            start = -1;
            // "}" may be followed by a stray ";", as people write: it belongs to the block
            int save = pos;
            int saveLine = line;
            skipBlanksAndComments();
            if (pos < text.length() && text.charAt(pos) == ';') {
              pos++;
              Statement last = out.remove(out.size() - 1);
              out.add(
                  new Statement(
                      last.words(), last.children(), last.start(), pos, last.line(), line));
            } else {
              pos = save;
              line = saveLine;
            }
          }
          case '}' -> {
            if (!inBlock) {
              throw new SyntaxException(line, "\"}\" without a block to close");
            }
            if (!words.isEmpty()) {
              throw new SyntaxException(startLine, "statement without \";\": " + joined(words));
            }
            pos++;
            return out;
          }
          case ',' -> {
            words.add(new Word(",", false, line));
            pos++;
          }
          case '"' -> words.add(string());
          default -> words.add(word());
        }
      }
    }

    private Word string() {
      int at = line;
      pos++;
      StringBuilder out = new StringBuilder();
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c == '\n') {
          break;
        }
        if (c == '"') {
          pos++;
          return new Word(out.toString(), true, at);
        }
        if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) != '\n') {
          out.append(text.charAt(pos + 1));
          pos += 2;
          continue;
        }
        out.append(c);
        pos++;
      }
      throw new SyntaxException(at, "a string is not closed: '\"' missing before the line ends");
    }

    private Word word() {
      int from = pos;
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (Character.isWhitespace(c) || ";{},\"#".indexOf(c) >= 0) {
          break;
        }
        pos++;
      }
      return new Word(text.substring(from, pos), false, line);
    }

    private void skipBlanksAndComments() {
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c == '#') {
          while (pos < text.length() && text.charAt(pos) != '\n') {
            pos++;
          }
        } else if (Character.isWhitespace(c)) {
          if (c == '\n') {
            line++;
          }
          pos++;
        } else {
          return;
        }
      }
    }

    private static String joined(List<Word> words) {
      return String.join(" ", words.stream().map(Word::toString).toList());
    }
  }
}
