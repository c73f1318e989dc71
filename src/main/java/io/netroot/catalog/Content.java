package io.netroot.catalog;

import io.netroot.os.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The managed part of a resource as bytes: a whole file, or the text of a managed block. Text
 * content can be shown as a diff and is kept in the state file; binary content only by hash.
 */
public final class Content {

  private final byte[] bytes;
  private final boolean text;
  private Sha256 sha256;
  private String string;

  private Content(byte[] bytes, boolean text) {
    this.bytes = bytes;
    this.text = text;
  }

  public static Content text(String text) {
    Content content = new Content(text.getBytes(StandardCharsets.UTF_8), true);
    content.string = text;
    return content;
  }

  /**
   * A supplier that renders {@code text} on its first call and hands out that same content after,
   * so that files sharing one text (a host's BIOS and UEFI PXE files) render and hash it once.
   */
  public static Supplier<Content> sharedText(Supplier<String> text) {
    return new Supplier<>() {
      private Content content;

      @Override
      public Content get() {
        if (content == null) {
          content = Content.text(text.get());
        }
        return content;
      }
    };
  }

  /**
   * Bytes read back from disk, compared with the content expected there: when they are the same,
   * that content is returned, with its hash and text already known, and nothing is hashed again.
   */
  static Content readBack(byte[] bytes, boolean text, Content expected) {
    if (expected != null && expected.text == text && Arrays.equals(bytes, expected.bytes)) {
      return expected;
    }
    return new Content(bytes, text);
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

  /** The text, decoded as UTF-8 (lenient, for display and splicing), decoded once. */
  public String asText() {
    if (string == null) {
      string = new String(bytes, StandardCharsets.UTF_8);
    }
    return string;
  }

  public long size() {
    return bytes.length;
  }

  /** The SHA-256 of the bytes, computed once. */
  public Sha256 sha256() {
    if (sha256 == null) {
      sha256 = Sha256.of(bytes);
    }
    return sha256;
  }
}
