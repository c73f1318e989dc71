package io.netroot.os;

import io.netroot.NetrootException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A candidate configuration written to a private temporary file for a daemon's checker to read,
 * removed when closed.
 */
final class CandidateFile implements AutoCloseable {

  private final Path path;

  /**
   * @param suffix the file's suffix ({@code .conf}); some checkers look at it
   * @param what the file for the message when it cannot be written ({@code kea-dhcp4.conf})
   */
  CandidateFile(byte[] content, String suffix, String what) {
    try {
      path = Files.createTempFile("netroot-candidate", suffix);
      Files.write(path, content);
    } catch (IOException e) {
      throw new NetrootException("cannot check " + what + ": " + e.getMessage(), e);
    }
  }

  Path path() {
    return path;
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // a stray file in the temp directory is harmless
    }
  }
}
