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
import java.util.Set;

/**
 * Reads a whole file opened with {@code O_NOFOLLOW}: a symbolic link in its place is reported, and
 * what it points to is never opened.
 */
final class NoFollowRead {

  private static final Set<OpenOption> READ =
      Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

  /** Arrays cannot be larger; a managed file this large is a mistake to report, not to load. */
  private static final long MAX = Integer.MAX_VALUE - 8;

  private NoFollowRead() {}

  /**
   * What is at {@code file}: its bytes, a link, or nothing. The link is looked at only after the
   * open failed, so a file that reads well costs no more than {@link Files#readAllBytes}.
   */
  static Found look(Path file) throws IOException {
    try {
      return new Found.File(readAllBytes(file));
    } catch (NoSuchFileException e) {
      return new Found.Nothing();
    } catch (AccessDeniedException e) {
      throw e;
    } catch (IOException e) {
      // ELOOP from O_NOFOLLOW (Java reports it as a plain IOException): the file is a link
      if (Files.isSymbolicLink(file)) {
        return new Found.Link(Files.readSymbolicLink(file).toString());
      }
      throw e;
    }
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
