package io.netroot.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netroot.NetrootException;
import io.netroot.os.AtomicFile;
import io.netroot.os.FileModes;
import io.netroot.os.RootFs;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The list of backups, {@code <root>/var/lib/netroot/backups/index.jsonl}: one JSON entry per line,
 * appended as each copy is taken, 0600, never written through a link. A line torn by a crash is
 * skipped and named when read, and the next append starts on a line of its own.
 */
final class BackupIndex {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger log = LoggerFactory.getLogger(Backups.class);
  private static final String INDEX = Backups.DIR + "/index.jsonl";
  private static final Set<PosixFilePermission> PRIVATE = FileModes.parse("0600");
  private static final Set<OpenOption> APPEND =
      Set.of(
          StandardOpenOption.CREATE,
          StandardOpenOption.WRITE,
          StandardOpenOption.APPEND,
          LinkOption.NOFOLLOW_LINKS);

  private final RootFs root;

  BackupIndex(RootFs root) {
    this.root = root;
  }

  /** Appends one entry's line; a line torn by a crash before it is ended first. */
  void append(String line) throws IOException {
    Path index = root.directory(Backups.DIR, StateStore.STATE_DIR).resolve("index.jsonl");
    try (FileChannel channel =
        FileChannel.open(index, APPEND, PosixFilePermissions.asFileAttribute(PRIVATE))) {
      // A line torn by a crash has no newline: the new entry starts on a line of its own.
      String text = endsTorn(index, channel.size()) ? "\n" + line : line;
      ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    } catch (IOException e) {
      // O_NOFOLLOW refused it: Java reports ELOOP as a plain IOException
      if (Files.isSymbolicLink(index)) {
        throw new NetrootException(
            index + " is a symbolic link; netroot does not write through links");
      }
      throw e;
    }
    // an index made by an older netroot may be readable by all
    FileModes.set(index, PRIVATE);
  }

  private static boolean endsTorn(Path index, long size) throws IOException {
    if (size == 0) {
      return false;
    }
    try (FileChannel read =
        FileChannel.open(index, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      ByteBuffer last = ByteBuffer.allocate(1);
      read.read(last, size - 1);
      return last.get(0) != '\n';
    }
  }

  /** Replaces the index with {@code entries}, atomically. */
  void replace(List<Backups.Entry> entries) {
    StringBuilder text = new StringBuilder();
    try {
      for (Backups.Entry entry : entries) {
        text.append(JSON.writeValueAsString(entry)).append('\n');
      }
    } catch (IOException e) {
      throw new NetrootException("cannot write the backup index: " + AtomicFile.describe(e), e);
    }
    root.writeFile(INDEX, text.toString().getBytes(StandardCharsets.UTF_8), PRIVATE);
  }

  /** Reads the index, skipping (and naming) the lines that cannot be read. */
  Backups.Index read() {
    List<Backups.Entry> entries = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    String index;
    try {
      index = new String(root.read(INDEX), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return new Backups.Index(entries, warnings);
    } catch (IOException e) {
      throw new NetrootException("cannot read the backup index: " + AtomicFile.describe(e), e);
    }
    String[] lines = index.split("\n");
    for (int n = 0; n < lines.length; n++) {
      if (lines[n].isBlank()) {
        continue;
      }
      try {
        Backups.Entry entry = JSON.readValue(lines[n], Backups.Entry.class);
        if (entry == null || entry.id() == null || entry.path() == null) {
          throw new IllegalArgumentException("an entry without id or path");
        }
        entries.add(entry);
      } catch (IOException | IllegalArgumentException e) {
        String warning =
            root.resolve(INDEX)
                + " line "
                + (n + 1)
                + " is not a whole entry (cut short by an interrupted run?); skipped";
        log.warn(warning);
        warnings.add(warning);
      }
    }
    return new Backups.Index(entries, warnings);
  }
}
