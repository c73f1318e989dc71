package io.netroot.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The managed part of a resource as bytes: a whole file, or the text of a managed block. Text
 * content can be shown as a diff and is kept in the state file; binary content only by hash.
 */
public final class Content {

  private final byte[] bytes;
  private final boolean text;
  private String sha256;

  private Content(byte[] bytes, boolean text) {
    this.bytes = bytes;
    this.text = text;
  }

  public static Content text(String text) {
    return new Content(text.getBytes(StandardCharsets.UTF_8), true);
  }

  /** Content read back from disk, labelled like the desired content it is compared with. */
  public static Content binaryOrText(byte[] bytes, boolean text) {
    return new Content(bytes, text);
  }

  public static Content binary(byte[] bytes) {
    return new Content(bytes, false);
  }

  /** The bytes; callers must not modify the array. */
  public byte[] bytes() {
    return bytes;
  }

  public boolean isText() {
    return text;
  }

  /** The text, decoded as UTF-8 (lenient, for display and splicing). */
  public String asText() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  public long size() {
    return bytes.length;
  }

  /** The lowercase hex sha256 of the bytes, computed once. */
  public String sha256() {
    if (sha256 == null) {
      sha256 = sha256(bytes);
    }
    return sha256;
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
