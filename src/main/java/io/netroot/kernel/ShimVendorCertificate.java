package io.netroot.kernel;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * The certificate a shim trusts besides the firmware's keys: its {@code .vendor_cert} section
 * (shim's {@code cert_table}: four little-endian 32-bit words, the sizes of the authorized and
 * deauthorized lists, then their offsets from the section's start) holds the distribution's CA
 * certificate in DER, Debian's {@code CN=Debian Secure Boot CA}. Section names longer than eight
 * bytes are found through the COFF string table, as the linker writes them.
 */
public final class ShimVendorCertificate {

  private ShimVendorCertificate() {}

  /** The vendor certificate of the shim {@code image}, or empty when it has none or not one. */
  public static Optional<X509Certificate> of(byte[] image) {
    try {
      if (image.length < 0x40 || image[0] != 'M' || image[1] != 'Z') {
        return Optional.empty();
      }
      int pe = (int) u32(image, 0x3c);
      int sections = u16(image, pe + 6);
      int optionalSize = u16(image, pe + 20);
      long symbols = u32(image, pe + 12);
      long symbolCount = u32(image, pe + 16);
      long strings = symbols + symbolCount * 18;
      int table = pe + 24 + optionalSize;
      for (int i = 0; i < sections; i++) {
        int header = table + i * 40;
        String name = name(image, header, strings);
        if (!name.equals(".vendor_cert")) {
          continue;
        }
        int raw = (int) u32(image, header + 20);
        long size = u32(image, raw);
        long offset = u32(image, raw + 8);
        if (size == 0 || raw + offset + size > image.length) {
          return Optional.empty();
        }
        return Optional.of(
            (X509Certificate)
                CertificateFactory.getInstance("X.509")
                    .generateCertificate(
                        new ByteArrayInputStream(image, (int) (raw + offset), (int) size)));
      }
      return Optional.empty();
    } catch (CertificateException | IndexOutOfBoundsException e) {
      return Optional.empty(); // an EFI signature list, or no shim at all: nothing to check with
    }
  }

  private static String name(byte[] image, int header, long strings) {
    int end = 0;
    while (end < 8 && image[header + end] != 0) {
      end++;
    }
    String name = new String(image, header, end, StandardCharsets.US_ASCII);
    if (name.startsWith("/") && strings > 0) {
      int at = (int) (strings + Integer.parseInt(name.substring(1)));
      int stop = at;
      while (image[stop] != 0) {
        stop++;
      }
      return new String(image, at, stop - at, StandardCharsets.US_ASCII);
    }
    return name;
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
  }

  private static long u32(byte[] b, int at) {
    return (b[at] & 0xffL)
        | (b[at + 1] & 0xffL) << 8
        | (b[at + 2] & 0xffL) << 16
        | (b[at + 3] & 0xffL) << 24;
  }
}
