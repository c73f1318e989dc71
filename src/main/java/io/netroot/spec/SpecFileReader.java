package io.netroot.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Reads one spec file, which must be a regular file (or a symbolic link to one) of at most {@link
 * #LIMIT_MIB} MiB. Anything else is an error naming the file and why, never skipped: a {@code
 * hosts.yaml} silently left out would have the next apply remove every host's files. The kind of
 * file is checked before it is opened, because opening a FIFO blocks until someone writes to it,
 * and the read stops after the limit, so a file that grows or a device cannot exhaust memory.
 */
final class SpecFileReader {

  static final int LIMIT_MIB = 64;
  static final long LIMIT = LIMIT_MIB * 1024L * 1024L;

  private static final int S_IFMT = 0170000;

  private SpecFileReader() {}

  /** The file's bytes, or {@code null} after adding the reason to {@code errors}. */
  static byte[] read(Path file, List<SpecError> errors) {
    String problem;
    try {
      problem = check(file);
      if (problem == null) {
        byte[] bytes = readBounded(file);
        if (bytes != null) {
          return bytes;
        }
        problem = tooLarge(Math.max(Files.size(file), LIMIT + 1));
      }
    } catch (IOException e) {
      problem = "cannot read: " + IoProblems.describe(e);
    }
    errors.add(new SpecError(new Position(file.toString(), 1, 1), Text.oneLine(problem)));
    return null;
  }

  /** Why {@code file} cannot be a spec file, or {@code null} when it is a regular file in size. */
  static String check(Path file) throws IOException {
    BasicFileAttributes own =
        Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!own.isSymbolicLink()) {
      return own.isRegularFile() ? size(own) : "is " + kind(file) + "; " + REGULAR;
    }
    String target = Files.readSymbolicLink(file).toString();
    Path real;
    try {
      real = file.toRealPath();
    } catch (NoSuchFileException e) {
      return "is a dangling symbolic link: its target "
          + target
          + " does not exist; fix the link or remove it";
    } catch (FileSystemException e) {
      return "is a symbolic link ("
          + target
          + ") that cannot be followed: "
          + IoProblems.describe(e)
          + "; fix the link or remove it";
    }
    BasicFileAttributes attrs =
        Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    return attrs.isRegularFile()
        ? size(attrs)
        : "is a symbolic link to " + real + ", which is " + kind(real) + "; " + REGULAR;
  }

  private static final String REGULAR = "a spec file must be a regular file";

  private static String size(BasicFileAttributes attrs) {
    return attrs.size() > LIMIT ? tooLarge(attrs.size()) : null;
  }

  private static String tooLarge(long bytes) {
    long mib = (bytes + 1024 * 1024 - 1) / (1024 * 1024);
    return "is " + mib + " MiB; the limit is " + LIMIT_MIB + " MiB";
  }

  /** "a FIFO", "a socket", "a directory"…: what a file that is not a regular file is. */
  private static String kind(Path file) {
    try {
      int mode = (Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      switch (mode & S_IFMT) {
        case 0010000:
          return "a FIFO (named pipe)";
        case 0140000:
          return "a socket";
        case 0020000:
          return "a character device";
        case 0060000:
          return "a block device";
        case 0040000:
          return "a directory";
        default:
          return "not a regular file";
      }
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)
          ? "a directory"
          : "not a regular file";
    }
  }

  /**
   * The bytes of the regular file checked just before, read without following a link again (the
   * real path is opened), or {@code null} when there are more than {@link #LIMIT}.
   */
  private static byte[] readBounded(Path file) throws IOException {
    Path real = file.toRealPath();
    try (SeekableByteChannel channel =
            Files.newByteChannel(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        InputStream in = Channels.newInputStream(channel)) {
      byte[] bytes = in.readNBytes((int) LIMIT + 1);
      return bytes.length > LIMIT ? null : bytes;
    }
  }
}
