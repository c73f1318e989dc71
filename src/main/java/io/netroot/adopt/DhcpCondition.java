package io.netroot.adopt;

import io.netroot.adopt.DhcpdConf.Word;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The conditions of dhcpd.conf ({@code if …}, {@code elsif …}, {@code match if …}), evaluated for
 * one {@link DhcpClient}. Only what a boot configuration asks about a PXE ROM is known: option 93
 * under any name it is declared with, the vendor class, the hardware address, the absence of a user
 * class, and {@code substring}, {@code suffix}, {@code exists}, {@code and}, {@code or}, {@code
 * not}. Anything else (variables, {@code known}, other options, functions) is {@link
 * Truth#UNKNOWN}, and so is a condition that does not parse: the caller then cannot tell what the
 * client gets, and says so.
 */
final class DhcpCondition {

  /** A value: bytes, an option the client does not send, or not known. */
  private record Value(byte[] bytes, boolean absent) {
    static final Value UNKNOWN = new Value(null, false);
    static final Value ABSENT = new Value(null, true);

    boolean known() {
      return bytes != null;
    }
  }

  /** The options a PXE ROM does not send. */
  private static final Set<String> NOT_SENT = Set.of("user-class");

  private final List<String> tokens;
  private final DhcpClient client;
  private final Set<String> archNames;
  private int pos;

  private DhcpCondition(List<String> tokens, DhcpClient client, Set<String> archNames) {
    this.tokens = tokens;
    this.client = client;
    this.archNames = archNames;
  }

  /**
   * Whether the condition in {@code words[from…]} holds for {@code client}.
   *
   * @param archNames the names option 93 is declared under ({@code arch}, {@code
   *     architecture-type}…), lowercase
   */
  static Truth evaluate(List<Word> words, int from, DhcpClient client, Set<String> archNames) {
    DhcpCondition condition =
        new DhcpCondition(tokens(words.subList(from, words.size())), client, archNames);
    try {
      Truth t = condition.or();
      return condition.pos == condition.tokens.size() ? t : Truth.UNKNOWN;
    } catch (IllegalStateException e) {
      return Truth.UNKNOWN;
    }
  }

  /** The words as tokens; a string keeps its quotes so that it is not read as a name. */
  static List<String> tokens(List<Word> words) {
    List<String> out = new ArrayList<>();
    for (Word w : words) {
      if (w.quoted()) {
        out.add('"' + w.text());
        continue;
      }
      StringBuilder part = new StringBuilder();
      for (char c : w.text().toCharArray()) {
        if (c == '(' || c == ')') {
          if (!part.isEmpty()) {
            out.add(part.toString());
            part.setLength(0);
          }
          out.add(String.valueOf(c));
        } else {
          part.append(c);
        }
      }
      if (!part.isEmpty()) {
        out.add(part.toString());
      }
    }
    return out;
  }

  private Truth or() {
    Truth t = and();
    while (peek("or")) {
      pos++;
      t = t.or(and());
    }
    return t;
  }

  private Truth and() {
    Truth t = not();
    while (peek("and")) {
      pos++;
      t = t.and(not());
    }
    return t;
  }

  private Truth not() {
    if (peek("not")) {
      pos++;
      return not().not();
    }
    return primary();
  }

  private Truth primary() {
    if (peek("(")) {
      pos++;
      Truth t = or();
      expect(")");
      return t;
    }
    if (peek("exists")) {
      pos++;
      return exists(name());
    }
    Value left = value();
    String op = pos < tokens.size() ? tokens.get(pos) : "";
    if (op.equals("=") || op.equals("!=")) {
      pos++;
      Value right = value();
      Truth same = equal(left, right);
      return op.equals("=") ? same : same.not();
    }
    if (op.equals("~=") || op.equals("~~")) {
      pos++;
      value();
      return Truth.UNKNOWN;
    }
    return Truth.UNKNOWN;
  }

  private Truth exists(String option) {
    String name = option.toLowerCase(Locale.ROOT);
    if (archNames.contains(name) || name.equals("vendor-class-identifier")) {
      return Truth.TRUE;
    }
    return NOT_SENT.contains(name) ? Truth.FALSE : Truth.UNKNOWN;
  }

  private static Truth equal(Value a, Value b) {
    if (a.absent() || b.absent()) {
      return a.known() || b.known() || (a.absent() && b.absent()) ? Truth.FALSE : Truth.UNKNOWN;
    }
    if (!a.known() || !b.known()) {
      return Truth.UNKNOWN;
    }
    return Truth.of(Arrays.equals(a.bytes(), b.bytes()));
  }

  private Value value() {
    String t = next();
    if (t.startsWith("\"")) {
      return new Value(t.substring(1).getBytes(StandardCharsets.UTF_8), false);
    }
    String word = t.toLowerCase(Locale.ROOT);
    switch (word) {
      case "option":
        return option(name());
      case "hardware":
        byte[] hw = client.hardware();
        return hw == null ? Value.UNKNOWN : new Value(hw, false);
      case "substring":
      case "suffix":
        return slice(word);
      default:
        if (peek("(")) {
          skipParenthesised();
          return Value.UNKNOWN;
        }
        byte[] hex = hex(t);
        return hex == null ? Value.UNKNOWN : new Value(hex, false);
    }
  }

  private Value option(String option) {
    String name = option.toLowerCase(Locale.ROOT);
    if (archNames.contains(name)) {
      return new Value(client.archBytes(), false);
    }
    if (name.equals("vendor-class-identifier")) {
      return new Value(client.vendorClass(), false);
    }
    return NOT_SENT.contains(name) ? Value.ABSENT : Value.UNKNOWN;
  }

  /** {@code substring(V, OFFSET, LENGTH)} or {@code suffix(V, LENGTH)}. */
  private Value slice(String function) {
    expect("(");
    boolean hardware = peek("hardware");
    Value inner = value();
    expect(",");
    int first = number();
    int second = 0;
    if (function.equals("substring")) {
      expect(",");
      second = number();
    }
    expect(")");
    if (hardware && !inner.known() && function.equals("substring") && first + second <= 1) {
      // the hardware type is known even for a client whose address is not: 1, Ethernet
      return new Value(second == 0 ? new byte[0] : new byte[] {1}, false);
    }
    if (!inner.known()) {
      return inner;
    }
    byte[] b = inner.bytes();
    if (function.equals("suffix")) {
      int n = Math.min(first, b.length);
      return new Value(Arrays.copyOfRange(b, b.length - n, b.length), false);
    }
    int from = Math.min(first, b.length);
    int to = Math.min(from + second, b.length);
    return new Value(Arrays.copyOfRange(b, from, to), false);
  }

  private void skipParenthesised() {
    int depth = 0;
    do {
      String t = next();
      depth += t.equals("(") ? 1 : t.equals(")") ? -1 : 0;
    } while (depth > 0);
  }

  /** {@code 00:07}, {@code 20}, {@code 0b}: colon-separated hex bytes, as dhcpd reads data. */
  static byte[] hex(String text) {
    String[] parts = text.split(":", -1);
    byte[] out = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      if (!parts[i].matches("[0-9A-Fa-f]{1,2}")) {
        return null;
      }
      out[i] = (byte) Integer.parseInt(parts[i], 16);
    }
    return out;
  }

  private int number() {
    String t = next();
    if (!t.matches("[0-9]{1,6}")) {
      throw new IllegalStateException("not a number: " + t);
    }
    return Integer.parseInt(t);
  }

  private String name() {
    String t = next();
    if (t.startsWith("\"") || t.equals("(") || t.equals(")")) {
      throw new IllegalStateException("not a name: " + t);
    }
    return t;
  }

  private boolean peek(String token) {
    return pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(token);
  }

  private void expect(String token) {
    if (!peek(token)) {
      throw new IllegalStateException("expected " + token);
    }
    pos++;
  }

  private String next() {
    if (pos >= tokens.size()) {
      throw new IllegalStateException("the condition ends too early");
    }
    return tokens.get(pos++);
  }
}
