package io.netroot.os;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as netroot writes it everywhere (the state file, the write journal, pinned checksums in
 * specs, {@code sha256sum}'s output): 64 lowercase hex digits. Of bytes in memory, of a whole
 * stream, or of what a consumer reads through a stream.
 */
public final class Sha256 {

  private Sha256() {}

  /** The hex SHA-256 of {@code bytes}. */
  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  /** The hex SHA-256 of everything {@code in} has left, which it reads to its end. */
  public static String hexOfRest(InputStream in) throws IOException {
    MessageDigest digest = digest();
    byte[] buffer = new byte[65536];
    for (int n; (n = in.read(buffer)) > 0; ) {
      digest.update(buffer, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * {@code in}, hashing what is read through it, for when another reader (tar) consumes the bytes:
   * {@link #hex(DigestInputStream)} then gives their hash.
   */
  public static DigestInputStream hashing(InputStream in) {
    return new DigestInputStream(in, digest());
  }

  /** The hex SHA-256 of what has been read through {@code in}, made by {@link #hashing}. */
  public static String hex(DigestInputStream in) {
    return HexFormat.of().formatHex(in.getMessageDigest().digest());
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
