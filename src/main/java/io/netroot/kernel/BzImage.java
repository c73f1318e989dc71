package io.netroot.kernel;

import io.netroot.NetrootException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the kernel release from an x86 bzImage's boot protocol header, the way {@code file(1)}
 * does: the header magic {@code HdrS} at 0x202, and at 0x20E the 16-bit little-endian offset of the
 * version string, counted from 0x200. The string is NUL-terminated; its first word is the release
 * ({@code 6.1.0-18-amd64}). Only the first 64 KiB of the file are read.
 */
public final class BzImage {

  /** How much of the image is read: the setup code and its version string fit in this. */
  static final int HEAD = 64 * 1024;

  static final int MAGIC_OFFSET = 0x202;
  static final int VERSION_POINTER_OFFSET = 0x20E;
  static final int VERSION_BASE = 0x200;
  private static final byte[] MAGIC = "HdrS".getBytes(StandardCharsets.US_ASCII);

  private BzImage() {}

  /**
   * The release of the kernel image at {@code image}, or empty when the file is not a bzImage with
   * a version string (a non-x86 image, a truncated file).
   *
   * @throws NetrootException when the file cannot be read
   */
  public static Optional<String> release(Path image) {
    byte[] head;
    try (InputStream in = Files.newInputStream(image)) {
      head = in.readNBytes(HEAD);
    } catch (IOException e) {
      throw new NetrootException("cannot read kernel image " + image + ": " + e.getMessage(), e);
    }
    return release(head);
  }

  /** The release from the first bytes of a bzImage; see {@link #release(Path)}. */
  public static Optional<String> release(byte[] head) {
    if (head.length < VERSION_POINTER_OFFSET + 2) {
      return Optional.empty();
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (head[MAGIC_OFFSET + i] != MAGIC[i]) {
        return Optional.empty();
      }
    }
    int pointer =
        (head[VERSION_POINTER_OFFSET] & 0xff) | (head[VERSION_POINTER_OFFSET + 1] & 0xff) << 8;
    if (pointer == 0) {
      return Optional.empty();
    }
    int start = pointer + VERSION_BASE;
    int end = start;
    while (end < head.length && head[end] != 0) {
      end++;
    }
    if (start >= head.length || end == head.length) {
      return Optional.empty();
    }
    String version = new String(head, start, end - start, StandardCharsets.US_ASCII).strip();
    int space = version.indexOf(' ');
    String release = space < 0 ? version : version.substring(0, space);
    return release.isEmpty() ? Optional.empty() : Optional.of(release);
  }
}
