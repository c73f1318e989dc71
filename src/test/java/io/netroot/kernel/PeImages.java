package io.netroot.kernel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Test copies of PE/COFF images: a signed image with its Authenticode signature taken away, as
 * {@code osslsigncode remove-signature} does (the certificate table's directory entry zeroed and
 * the table cut off the end of the file).
 */
public final class PeImages {

  private PeImages() {}

  /** The offset of data directory entry 4 (the certificate table) in {@code image}. */
  static int certificateEntry(byte[] image) {
    ByteBuffer b = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
    int pe = b.getInt(0x3c);
    int optional = pe + 24;
    int magic = b.getShort(optional) & 0xffff;
    return optional + (magic == 0x20b ? 112 : 96) + 4 * 8;
  }

  /** {@code image} without its signature. */
  public static byte[] withoutSignature(byte[] image) {
    ByteBuffer b = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
    int entry = certificateEntry(image);
    int offset = b.getInt(entry);
    int size = b.getInt(entry + 4);
    if (offset == 0 || size == 0) {
      return image.clone();
    }
    if (offset + size != image.length) {
      throw new IllegalArgumentException("the certificate table is not at the end of the image");
    }
    byte[] stripped = Arrays.copyOf(image, offset);
    ByteBuffer s = ByteBuffer.wrap(stripped).order(ByteOrder.LITTLE_ENDIAN);
    s.putInt(entry, 0);
    s.putInt(entry + 4, 0);
    return stripped;
  }
}
