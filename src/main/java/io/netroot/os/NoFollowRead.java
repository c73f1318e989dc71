package io.netroot.os;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * Reads a whole file opened with {@code O_NOFOLLOW}: a symbolic link in its place is reported, and
 * what it points to is never opened.
 *
 * <p>What is there is looked at ({@code lstat}) before it is opened, and only a regular file is
 * opened: a FIFO at a managed path would make the open wait for a writer for ever (Java opens no
 * file {@code O_NONBLOCK}), and a device may do something on open. Such a file, or a directory, is
 * refused unread and the pass goes on. What remains is one swapped in between the look and the
 * open, which takes someone who may already write the server's own directories.
 */
final class NoFollowRead {

  private static final Set<OpenOption> READ =
      Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

  /** Arrays cannot be larger; a managed file this large is a mistake to report, not to load. */
  private static final long MAX = Integer.MAX_VALUE - 8;

  private NoFollowRead() {}

  /**
   * What is at {@code file}: its bytes, a link, or nothing.
   *
   * @throws IOException when it is something else (a directory, a FIFO, a device), or cannot be
   *     read
   */
  static Found look(Path file) throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return new Found.Nothing();
    }
    if (attributes.isSymbolicLink()) {
      return new Found.Link(Files.readSymbolicLink(file).toString());
    }
    if (!attributes.isRegularFile()) {
      throw new FileSystemException(
          file.toString(),
          null,
          "is " + what(attributes) + ", not a regular file; netroot does not read it");
    }
    try {
      return new Found.File(readAllBytes(file));
    } catch (NoSuchFileException e) {
      return new Found.Nothing(); // removed since the look
    } catch (AccessDeniedException e) {
      throw e;
    } catch (IOException e) {
      // ELOOP from O_NOFOLLOW (Java reports it as a plain IOException): a link put there since
      if (Files.isSymbolicLink(file)) {
        return new Found.Link(Files.readSymbolicLink(file).toString());
      }
      throw e;
    }
  }

  private static String what(BasicFileAttributes attributes) {
    return attributes.isDirectory() ? "a directory" : "a FIFO, a socket or a device";
  }

  private static byte[] readAllBytes(Path file) throws IOException {
    try (SeekableByteChannel channel = Files.newByteChannel(file, READ);
        InputStream in = Channels.newInputStream(channel)) {
      long size = channel.size();
      if (size > MAX) {
        throw new FileSystemException(file.toString(), null, "is too large to read");
      }
      byte[] bytes = new byte[(int) size];
      int read = 0;
      while (read < bytes.length) {
        int n = in.read(bytes, read, bytes.length - read);
        if (n < 0) {
          // the file shrank while being read: what was there is what it holds
          return java.util.Arrays.copyOf(bytes, read);
        }
        read += n;
      }
      int next = in.read();
      if (next < 0) {
        return bytes;
      }
      // the file grew while being read (or reports no size, as /proc files do)
      ByteArrayOutputStream more = new ByteArrayOutputStream(bytes.length * 2 + 1);
      more.write(bytes);
      more.write(next);
      in.transferTo(more);
      return more.toByteArray();
    }
  }
}
