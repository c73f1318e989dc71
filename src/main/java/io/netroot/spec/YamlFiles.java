package io.netroot.spec;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads a spec file into YAML node trees. Composing (rather than loading into maps) keeps every
 * node's position, and turns any YAML or I/O failure into one positioned error.
 */
final class YamlFiles {

  private YamlFiles() {}

  /**
   * The non-empty documents of {@code file}, or {@code null} when the file could not be read or
   * parsed (the problem is then in {@code errors}).
   */
  static List<Node> read(Path file, List<SpecError> errors) {
    return read(file, null, errors);
  }

  /**
   * @param bytes the file's bytes when already read, or {@code null} to read them here
   */
  static List<Node> read(Path file, byte[] bytes, List<SpecError> errors) {
    if (bytes == null) {
      bytes = SpecFileReader.read(file, errors);
      if (bytes == null) {
        return null;
      }
    }
    String text = decode(file, bytes, errors);
    return text == null ? null : compose(file, text, errors);
  }

  /**
   * The text of a spec file's bytes, without a leading byte order mark, or {@code null} when they
   * are not UTF-8 (the problem is then in {@code errors}).
   */
  static String decode(Path file, byte[] bytes, List<SpecError> errors) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      errors.add(
          new SpecError(new Position(file.toString(), 1, 1), "cannot read: not valid UTF-8 text"));
      return null;
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * The non-empty documents of {@code text}, all of {@code file} or the part of it that starts a
   * line, or {@code null} when it could not be parsed (the problem is then in {@code errors}, with
   * lines counted from the start of {@code text}).
   */
  static List<Node> compose(Path file, String text, List<SpecError> errors) {
    String label = file.toString();
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(label)
            .setSchema(new CoreSchema())
            .setCodePointLimit(Integer.MAX_VALUE)
            .build();
    try {
      List<Node> documents = new ArrayList<>();
      for (Node root : new Compose(settings).composeAllFromString(text)) {
        if (!(root instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag()))) {
          documents.add(root);
        }
      }
      return documents;
    } catch (MarkedYamlEngineException e) {
      Position at =
          e.getProblemMark()
              .or(e::getContextMark)
              .map(mark -> DocumentContext.position(label, mark))
              .orElse(new Position(label, 1, 1));
      String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
      errors.add(new SpecError(at, Text.oneLine("YAML syntax error: " + e.getProblem() + context)));
    } catch (ReaderException e) {
      errors.add(
          new SpecError(
              at(label, text, e.getPosition()),
              Text.oneLine(
                  "YAML syntax error: special character U+"
                      + Integer.toHexString(e.getCodePoint())
                      + " is not allowed; remove it")));
    } catch (YamlEngineException e) {
      errors.add(
          new SpecError(new Position(label, 1, 1), Text.oneLine("YAML error: " + e.getMessage())));
    } catch (StackOverflowError e) {
      errors.add(new SpecError(new Position(label, 1, 1), "YAML nesting is too deep"));
    }
    return null;
  }

  /** The 1-based line and column of a code point offset in {@code text}. */
  private static Position at(String label, String text, int codePointOffset) {
    int line = 1;
    int column = 1;
    int index = 0;
    for (int seen = 0; seen < codePointOffset && index < text.length(); seen++) {
      int codePoint = text.codePointAt(index);
      index += Character.charCount(codePoint);
      if (codePoint == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new Position(label, line, column);
  }
}
