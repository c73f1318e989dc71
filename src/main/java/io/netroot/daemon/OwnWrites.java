package io.netroot.daemon;

import io.netroot.os.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The managed files as the last pass left them, by content hash. A watch event for a file that
 * still hashes the same is the echo of the agent's own write (or a touch), not a hand edit, and
 * must not start another pass.
 *
 * <p>While a pass runs, events are held rather than judged: the pass's own writes are among them.
 * When it ends, a held file that is not as the pass left it was edited by hand during the pass, and
 * the caller asks for a pass over it. The pass says how it left most files without a read: a whole
 * file it found right or wrote holds the content it wanted ({@link LeftAs#content}). Only the
 * others (a file netroot keeps a block of, a file whose resource failed) are read after the pass,
 * and those it did not write are compared with how the pass before left them.
 */
final class OwnWrites {

  static final String ABSENT = "absent";

  /** How a pass left one managed file. */
  record LeftAs(String hash, boolean written) {

    /** A file the pass found right, or wrote, whose whole content it knows. */
    static LeftAs content(Sha256 sha, boolean written) {
      return new LeftAs(sha == null ? ABSENT : sha.hex(), written);
    }

    /** A file the pass cannot vouch for: it is read once the pass ends. */
    static LeftAs unknown(boolean written) {
      return new LeftAs(null, written);
    }
  }

  private volatile Map<Path, String> hashes = Map.of();
  private final Set<Path> heldDuringPass = new LinkedHashSet<>();
  private boolean passRunning;

  /** A pass starts: from now until {@link #passEnded}, events are held, not judged. */
  synchronized void passStarts() {
    passRunning = true;
  }

  /**
   * A pass ended: records how it left the managed files and answers those edited by hand while it
   * ran.
   *
   * @param files every managed file, by its path on the server, or {@code null} when the pass
   *     failed before it knew them (the record stays as the last pass left it)
   * @param leftAs how the pass left the files it looked at, by their paths on the server; a file it
   *     did not look at (a pass over edited files only) keeps its record, and one never recorded is
   *     read
   */
  synchronized Set<Path> passEnded(Map<String, Path> files, Map<String, LeftAs> leftAs) {
    Map<Path, String> before = hashes;
    Map<Path, LeftAs> heldLeftAs = new HashMap<>();
    if (files != null) {
      Map<Path, String> now = new HashMap<>(files.size() * 4 / 3 + 1);
      files.forEach(
          (serverPath, file) -> {
            LeftAs left = leftAs.get(serverPath);
            String hash;
            if (left != null && left.hash() != null) {
              hash = left.hash();
            } else if (left == null && before.containsKey(file)) {
              hash = before.get(file);
            } else {
              hash = hash(file);
            }
            now.put(file, hash);
            if (left != null && heldDuringPass.contains(file)) {
              heldLeftAs.put(file, left);
            }
          });
      hashes = Collections.unmodifiableMap(now);
    }
    Set<Path> edited = new LinkedHashSet<>();
    for (Path file : heldDuringPass) {
      String left = hashes.get(file);
      if (left == null) {
        continue; // not managed (any more)
      }
      LeftAs pass = heldLeftAs.get(file);
      boolean vouched = pass != null && pass.hash() != null;
      String expected = vouched ? left : pass != null && pass.written() ? null : before.get(file);
      if (expected != null && !expected.equals(hash(file))) {
        edited.add(file);
      }
    }
    heldDuringPass.clear();
    passRunning = false;
    return edited;
  }

  Set<Path> files() {
    return hashes.keySet();
  }

  Set<Path> directories() {
    return hashes.keySet().stream().map(Path::getParent).collect(Collectors.toSet());
  }

  /**
   * True when {@code file} is managed and no longer as the last pass left it. While a pass runs the
   * answer is false and the file is held, to be judged when the pass ends.
   */
  synchronized boolean changed(Path file) {
    if (passRunning) {
      heldDuringPass.add(file);
      return false;
    }
    String last = hashes.get(file);
    return last != null && !last.equals(hash(file));
  }

  /**
   * The content hash of a regular file. Anything else is named, never opened: a managed path inside
   * a client's root image may be a device node ({@code dev/urandom} never ends) or a link the
   * client planted, and neither is followed.
   */
  static String hash(Path file) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return ABSENT;
    } catch (IOException e) {
      return "unreadable";
    }
    if (attributes.isSymbolicLink()) {
      try {
        return "link:" + Files.readSymbolicLink(file);
      } catch (IOException e) {
        return "unreadable";
      }
    }
    if (!attributes.isRegularFile()) {
      return attributes.isDirectory() ? "directory" : "special:" + attributes.fileKey();
    }
    try (InputStream in =
        Channels.newInputStream(
            Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
      return Sha256.ofRest(in).hex();
    } catch (NoSuchFileException e) {
      return ABSENT;
    } catch (IOException e) {
      return "unreadable";
    }
  }
}
