package io.netroot.catalog;

import io.netroot.NetrootException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;

/**
 * A file on this machine that netroot publishes into the TFTP root (a kernel, an initrd, a
 * bootloader file), read only after it is known to be safe to publish and to read. The TFTP root
 * serves every file to anyone on the network, so a source that its owner keeps from other users is
 * refused rather than handed out; and a FIFO, a device or a directory is refused before it is
 * opened, because reading one would wait forever ({@code mkfifo}) or never end ({@code /dev/zero}).
 *
 * <p>A symlink to the source is followed (a distribution's {@code /boot/vmlinuz} is one), once: the
 * file it resolves to is checked, then opened without following links and checked again to be the
 * same file, so a link or another file swapped in between is refused, never read. What remains is a
 * FIFO renamed over the source between the check and the open, which would make the open wait: only
 * someone who may already replace the source in its directory can do that, and Java opens no file
 * {@code O_NONBLOCK}.
 */
final class SourceFile {

  /** The most netroot copies: a file is held in a byte array, which holds a little under 2 GiB. */
  static final long MAX_BYTES = (2L << 30) - (1 << 20);

  private static final int S_IFMT = 0170000;
  private static final int S_IFREG = 0100000;
  private static final int S_IROTH = 0004;

  private final Path source;
  private final String named;

  /**
   * @param source the path as the spec or the layout names it
   * @param named what messages add after the path: {@code " (named at specs/kernels.yaml:5:10)"}
   */
  SourceFile(Path source, String named) {
    this.source = source;
    this.named = named;
  }

  /** The whole file, checked first. */
  byte[] read() {
    return read(MAX_BYTES);
  }

  /** The whole file, checked first, refused when it holds more than {@code limit} bytes. */
  byte[] read(long limit) {
    Path real = resolve();
    Map<String, Object> before = check(real, limit);
    try (SeekableByteChannel channel =
            Files.newByteChannel(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        InputStream in = Channels.newInputStream(channel)) {
      sameFile(real, before);
      // bounded even if the file grows after it was checked
      byte[] bytes = in.readNBytes((int) Math.min(limit + 1, MAX_BYTES + 1));
      if (bytes.length > limit) {
        throw refused(real, "is larger than " + size(limit) + ", the most netroot copies");
      }
      return bytes;
    } catch (IOException e) {
      throw unreadable(real, e);
    }
  }

  /**
   * The first {@code n} bytes, or empty when the file may not be read: whoever copies the whole
   * file reports why.
   */
  static Optional<byte[]> head(Path source, int n) {
    try {
      SourceFile file = new SourceFile(source, "");
      Path real = file.resolve();
      Map<String, Object> before = file.check(real, MAX_BYTES);
      try (SeekableByteChannel channel =
              Files.newByteChannel(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
          InputStream in = Channels.newInputStream(channel)) {
        file.sameFile(real, before);
        return Optional.of(in.readNBytes(n));
      }
    } catch (NetrootException | IOException e) {
      return Optional.empty();
    }
  }

  private Path resolve() {
    try {
      return source.toRealPath();
    } catch (NoSuchFileException e) {
      throw new NetrootException(
          "source "
              + source
              + (Files.isSymbolicLink(source)
                  ? " is a symlink to a file that does not exist"
                  : " does not exist")
              + named);
    } catch (IOException e) {
      throw unreadable(null, e);
    }
  }

  /** Checks the type, the mode and the size; returns the attributes to compare after the open. */
  private Map<String, Object> check(Path real, long limit) {
    Map<String, Object> attributes = attributes(real);
    int mode = (Integer) attributes.get("mode");
    if ((mode & S_IFMT) != S_IFREG) {
      throw refused(real, "is " + kind(mode) + ", not a regular file");
    }
    if ((mode & S_IROTH) == 0) {
      throw refused(
          real,
          "is not world-readable (mode "
              + String.format("%04o", mode & 07777)
              + "); the TFTP root serves every file to anyone on the network: make it readable"
              + " (chmod o+r) or do not publish it");
    }
    long size = (Long) attributes.get("size");
    if (size > limit) {
      throw refused(
          real, "is " + size(size) + ", larger than " + size(limit) + ", the most netroot copies");
    }
    return attributes;
  }

  /** The opened file is the one checked: nothing was swapped in between. */
  private void sameFile(Path real, Map<String, Object> before) {
    Map<String, Object> after = attributes(real);
    if (!before.get("dev").equals(after.get("dev"))
        || !before.get("ino").equals(after.get("ino"))
        || !before.get("mode").equals(after.get("mode"))) {
      throw refused(real, "changed while it was opened; try again");
    }
  }

  private Map<String, Object> attributes(Path real) {
    try {
      return Files.readAttributes(real, "unix:mode,size,dev,ino", LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw unreadable(real, e);
    }
  }

  private static String kind(int mode) {
    return switch (mode & S_IFMT) {
      case 0010000 -> "a FIFO";
      case 0020000 -> "a character device";
      case 0040000 -> "a directory";
      case 0060000 -> "a block device";
      case 0120000 -> "a symlink";
      case 0140000 -> "a socket";
      default -> "a special file";
    };
  }

  private static String size(long bytes) {
    if (bytes >= 1L << 30) {
      return String.format("%.1f GiB", bytes / (double) (1L << 30));
    }
    if (bytes >= 1L << 20) {
      return String.format("%.1f MiB", bytes / (double) (1L << 20));
    }
    return bytes + " bytes";
  }

  private NetrootException refused(Path real, String why) {
    return new NetrootException("source " + shown(real) + " " + why + named);
  }

  private NetrootException unreadable(Path real, IOException e) {
    if (e instanceof AccessDeniedException) {
      return refused(real, "is not readable");
    }
    String reason = e.getMessage();
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      reason = f.getReason();
    }
    return new NetrootException("cannot read source " + shown(real) + named + ": " + reason, e);
  }

  /** The path as named, and where it leads when that is another file. */
  private String shown(Path real) {
    return real == null || real.equals(source.toAbsolutePath().normalize())
        ? source.toString()
        : source + " (-> " + real + ")";
  }
}
