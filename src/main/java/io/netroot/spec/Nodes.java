package io.netroot.spec;

import java.math.BigInteger;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** Type checks on composed YAML nodes, using the tags the YAML 1.2 core schema resolved. */
final class Nodes {

  private Nodes() {}

  /** What a node is, for "found ..." in messages. */
  static String describe(Node node) {
    if (node instanceof SequenceNode) {
      return "a list";
    }
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    Tag tag = node.getTag();
    if (Tag.NULL.equals(tag)) {
      return "nothing (null)";
    }
    if (Tag.INT.equals(tag)) {
      return "an integer";
    }
    if (Tag.FLOAT.equals(tag)) {
      return "a number";
    }
    if (Tag.BOOL.equals(tag)) {
      return "a boolean";
    }
    return "a string";
  }

  /** Why {@code node} is not a valid {@code type}, or {@code null} when it is. */
  static String typeProblem(Node node, Schema.Type type) {
    boolean ok =
        switch (type) {
          case STRING -> node instanceof ScalarNode && !Tag.NULL.equals(node.getTag());
          case INT ->
              node instanceof ScalarNode s
                  && Tag.INT.equals(s.getTag())
                  && parseInt(s.getValue()) != null;
          case BOOL ->
              node instanceof ScalarNode s
                  && Tag.BOOL.equals(s.getTag())
                  && (s.getValue().equalsIgnoreCase("true")
                      || s.getValue().equalsIgnoreCase("false"));
          case LIST -> node instanceof SequenceNode;
          case MAP -> node instanceof MappingNode;
        };
    if (ok) {
      return null;
    }
    String found = describe(node);
    if (node instanceof ScalarNode s && !Tag.NULL.equals(s.getTag())) {
      found += " " + Text.quote(s.getValue());
    }
    return "expected " + type.description + ", found " + found;
  }

  /**
   * Parses a core-schema integer (decimal, {@code 0o} octal or {@code 0x} hex); {@code null} when
   * it is not one or does not fit in an int.
   */
  static Integer parseInt(String text) {
    try {
      String digits = text;
      int radix = 10;
      if (text.startsWith("0x")) {
        digits = text.substring(2);
        radix = 16;
      } else if (text.startsWith("0o")) {
        digits = text.substring(2);
        radix = 8;
      }
      BigInteger value = new BigInteger(digits, radix);
      if (value.bitLength() > 31) {
        return null;
      }
      return value.intValue();
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
