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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The managed files as the last pass left them, by content hash. A watch event for a file that
 * still hashes the same is the echo of the agent's own write (or a touch), not a hand edit, and
 * must not start another pass.
 */
final class OwnWrites {

  private static final String ABSENT = "absent";

  private volatile Map<Path, String> hashes = Map.of();

  /** Records the managed files as they are now, after a pass. */
  void snapshot(Set<Path> files) {
    Map<Path, String> now = new ConcurrentHashMap<>();
    for (Path file : files) {
      now.put(file, hash(file));
    }
    hashes = now;
  }

  Set<Path> files() {
    return hashes.keySet();
  }

  Set<Path> directories() {
    return hashes.keySet().stream().map(Path::getParent).collect(Collectors.toSet());
  }

  /** True when {@code file} is managed and no longer as the last pass left it. */
  boolean changed(Path file) {
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
