package io.netroot.state;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.netroot.NetrootException;
import io.netroot.os.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One of netroot's own files (state, service journal, write journal) that cannot be read: what is
 * wrong with it in words, never the parser's own text, and the file moved aside so that the next
 * command does not stumble on it again.
 */
final class CorruptFile {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private CorruptFile() {}

  /**
   * What is wrong, e.g. {@code is not valid JSON (line 3, column 7)}.
   *
   * @param bytes the file's bytes
   * @param e why reading it failed
   */
  static String what(byte[] bytes, Exception e) {
    try (JsonParser parser = SYNTAX.createParser(bytes)) {
      while (parser.nextToken() != null) {
        // only the syntax is checked here
      }
    } catch (JsonProcessingException syntax) {
      return "is not valid JSON" + where(syntax.getLocation());
    } catch (IOException other) {
      return "is not valid JSON";
    }
    if (bytes.length == 0) {
      return "is empty";
    }
    return "does not have the layout netroot writes"
        + (e instanceof JsonProcessingException json ? where(json.getLocation()) : "");
  }

  private static final JsonFactory SYNTAX = new JsonFactory();

  private static String where(JsonLocation at) {
    return at == null || at.getLineNr() < 0
        ? ""
        : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }

  /**
   * Renames {@code file} to {@code NAME.corrupt-TIMESTAMP} beside it.
   *
   * @return the new name
   */
  static String moveAside(Path file) {
    Path aside =
        file.resolveSibling(file.getFileName() + ".corrupt-" + STAMP.format(Instant.now()));
    try {
      Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
      AtomicFile.syncDirectory(file.getParent());
    } catch (IOException e) {
      throw new NetrootException(
          "cannot move the unreadable " + file + " aside: " + AtomicFile.describe(e), e);
    }
    return aside.getFileName().toString();
  }
}
