package io.netroot.os;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A SHA-256 hash as netroot writes it everywhere (the state file, the write journal, pinned
 * checksums in specs, {@code sha256sum}'s output): 64 lowercase hex digits. Made of bytes in
 * memory, of a whole stream, or of what a consumer reads through a stream; or read back from its
 * text.
 *
 * @param hex the 64 lowercase hex digits
 */
public record Sha256(String hex) {

  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  public Sha256 {
    if (hex == null || !HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("not a SHA-256 in lowercase hex: " + hex);
    }
  }

  /**
   * Reads a hash back from its text, as stored in the state file and the journals.
   *
   * @throws IllegalArgumentException when it is not 64 lowercase hex digits
   */
  @JsonCreator
  public static Sha256 parse(String hex) {
    return new Sha256(hex);
  }

  /** The SHA-256 of {@code bytes}. */
  public static Sha256 of(byte[] bytes) {
    return new Sha256(HexFormat.of().formatHex(digest().digest(bytes)));
  }

  /** The SHA-256 of everything {@code in} has left, which it reads to its end. */
  public static Sha256 ofRest(InputStream in) throws IOException {
    MessageDigest digest = digest();
    byte[] buffer = new byte[65536];
    for (int n; (n = in.read(buffer)) > 0; ) {
      digest.update(buffer, 0, n);
    }
    return new Sha256(HexFormat.of().formatHex(digest.digest()));
  }

  /**
   * {@code in}, hashing what is read through it, for when another reader (tar) consumes the bytes:
   * {@link #of(DigestInputStream)} then gives their hash.
   */
  public static DigestInputStream hashing(InputStream in) {
    return new DigestInputStream(in, digest());
  }

  /** The SHA-256 of what has been read through {@code in}, made by {@link #hashing}. */
  public static Sha256 of(DigestInputStream in) {
    return new Sha256(HexFormat.of().formatHex(in.getMessageDigest().digest()));
  }

  /** The first 12 hex digits, enough to tell versions apart in a message. */
  public String shortForm() {
    return hex.substring(0, 12);
  }

  @JsonValue
  @Override
  public String toString() {
    return hex;
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
