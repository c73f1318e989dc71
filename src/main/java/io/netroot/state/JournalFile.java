package io.netroot.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netroot.NetrootException;
import io.netroot.os.AtomicFile;
import io.netroot.os.FileModes;
import io.netroot.os.RootFs;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * A small JSON journal in the state directory, written (0600, atomically, flushed, never staged in
 * a batch) before work a pass may not finish, and removed once that work is done: the pending
 * service actions and the writes about to be renamed. A journal that cannot be read as a whole
 * document is reported in words ({@link CorruptFile}) and may be moved aside; the pass then goes on
 * without it.
 */
final class JournalFile {

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /**
   * What {@link #load} found.
   *
   * @param value the decoded journal; {@code null} when there was none or it could not be read
   * @param unreadable why it could not be read, and what follows; {@code null} when it could
   */
  record Loaded<R>(R value, String unreadable) {}

  private final RootFs root;
  private final String serverPath;
  private final Path file;

  JournalFile(RootFs root, String serverPath) {
    this.root = root.writingTo(null);
    this.serverPath = serverPath;
    this.file = root.resolve(serverPath);
  }

  /**
   * Reads the journal as a {@code type} and decodes it.
   *
   * @param decode turns the document into what the caller keeps; throws {@link
   *     IllegalArgumentException} for a document that is not whole
   * @param moveAside whether an unreadable journal is moved to {@code NAME.corrupt-TIMESTAMP}
   * @param consequence what the pass does without it, for the message
   */
  <T, R> Loaded<R> load(
      Class<T> type, Function<T, R> decode, boolean moveAside, String consequence) {
    byte[] bytes = new byte[0];
    try {
      bytes = root.read(serverPath);
      T doc = JSON.readValue(bytes, type);
      if (doc == null) {
        throw new IllegalArgumentException("an empty document");
      }
      return new Loaded<>(decode.apply(doc), null);
    } catch (NoSuchFileException e) {
      return new Loaded<>(null, null);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      String why =
          file
              + " "
              + CorruptFile.what(bytes, e)
              + (moveAside ? "; it was moved to " + CorruptFile.moveAside(file) + " and" : ";")
              + " "
              + consequence;
      return new Loaded<>(null, why);
    } catch (IOException e) {
      throw new NetrootException("cannot read " + file + ": " + AtomicFile.describe(e), e);
    }
  }

  /**
   * Replaces the journal with {@code document}, atomically, and flushes it to disk.
   *
   * @param indented one field a line, for a journal people read; else compact, for a long one
   */
  void save(Object document, boolean indented) {
    try {
      byte[] bytes =
          indented
              ? JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(document)
              : JSON.writeValueAsBytes(document);
      root.directory(StateStore.STATE_DIR, StateStore.STATE_DIR);
      root.writeFile(serverPath, bytes, FileModes.parse("0600"));
    } catch (JsonProcessingException e) {
      throw new NetrootException("cannot encode " + file + ": " + e.getOriginalMessage(), e);
    }
  }

  /** Removes the journal: the work it covered is done. */
  void clear() {
    try {
      root.remove(serverPath);
    } catch (IOException e) {
      throw new NetrootException("cannot remove " + file + ": " + AtomicFile.describe(e), e);
    }
  }
}
