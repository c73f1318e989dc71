package io.netroot.kernel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;

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

  /**
   * A PE32+ image of headers only with an Authenticode-shaped signature: a PKCS#7 SignedData of
   * SpcIndirectDataContent whose signer is a self-signed test certificate ({@code CN=netroot test
   * signer}). Its signature verifies nothing: only its structure is real.
   */
  public static byte[] signed() {
    try {
      return image(winCertificate(2, pkcs7(true)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The same image without a certificate table. */
  public static byte[] unsigned() {
    return image(null);
  }

  /** A self-signed test certificate: CN=netroot test signer, EC P-256. */
  private static final String CERTIFICATE =
      "MIIBkzCCATmgAwIBAgIUekg2bllmf7w4/e/SA3phaWjtlUowCgYIKoZIzj0EAwIw"
          + "HjEcMBoGA1UEAwwTbmV0cm9vdCB0ZXN0IHNpZ25lcjAgFw0yNjExMzAwNzI4MTda"
          + "GA8yMTI2MTEwNjA3MjgxN1owHjEcMBoGA1UEAwwTbmV0cm9vdCB0ZXN0IHNpZ25l"
          + "cjBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABIjzuofOxwVlwybKvv8vSfQmAEAo"
          + "3qGTypId+75WmUELoBGT1Ox75Vg27p2IRTmkDpSxdfG6yw7WCpEvk71ARIajUzBR"
          + "MB0GA1UdDgQWBBT4nIGhAVZA18jMBo+MUVZeygJIvjAfBgNVHSMEGDAWgBT4nIGh"
          + "AVZA18jMBo+MUVZeygJIvjAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0gA"
          + "MEUCIQDBjmjdmAnFKFLFBwQs3uqUpu6PJX+y8iisdaNfyrfvwQIgaKne+Hl5T0fX"
          + "CYHAXLFoqpQQZ3C/1sn+whCO5P0VbTM=";

  private static final byte[] SIGNED_DATA = {
    0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x07, 0x02
  };
  private static final byte[] SPC_INDIRECT_DATA = {
    0x2b, 0x06, 0x01, 0x04, 0x01, (byte) 0x82, 0x37, 0x02, 0x01, 0x04
  };

  static final int PE = 0x80;
  static final int DIRECTORIES = PE + 24 + 112;
  static final int HEADERS = DIRECTORIES + 16 * 8;

  /** A PE32+ image of headers only, with {@code certificate} as its certificate table. */
  static byte[] image(byte[] certificate) {
    int size = HEADERS + (certificate == null ? 0 : certificate.length);
    ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    b.put(0, (byte) 'M').put(1, (byte) 'Z').putInt(0x3c, PE);
    b.put(PE, (byte) 'P').put(PE + 1, (byte) 'E');
    b.putShort(PE + 4, (short) 0x8664); // machine: x86-64
    b.putShort(PE + 20, (short) (112 + 16 * 8)); // size of the optional header
    b.putShort(PE + 24, (short) 0x20b); // PE32+
    b.putInt(PE + 24 + 108, 16); // number of data directories
    if (certificate != null) {
      b.putInt(DIRECTORIES + 32, HEADERS);
      b.putInt(DIRECTORIES + 36, certificate.length);
      b.put(HEADERS, certificate);
    }
    return b.array();
  }

  static byte[] winCertificate(int type, byte[] content) {
    int length = 8 + content.length;
    int padded = (length + 7) & ~7;
    ByteBuffer b = ByteBuffer.allocate(padded).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(length).putShort((short) 0x0200).putShort((short) type).put(content);
    return b.array();
  }

  /** A ContentInfo with SignedData of SpcIndirectDataContent, the test certificate, one signer. */
  static byte[] pkcs7(boolean signerIsTheCertificate) throws Exception {
    byte[] cert = Base64.getDecoder().decode(CERTIFICATE);
    X509Certificate x509 =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(cert));
    BigInteger serial =
        signerIsTheCertificate
            ? x509.getSerialNumber()
            : x509.getSerialNumber().add(BigInteger.ONE);
    byte[] signerInfo =
        der(
            0x30,
            der(0x02, new byte[] {1}),
            der(0x30, x509.getIssuerX500Principal().getEncoded(), der(0x02, serial.toByteArray())),
            der(0x30, der(0x06, new byte[] {0x60, (byte) 0x86, 0x48, 1, 0x65, 3, 4, 2, 1})),
            der(0x30, der(0x06, new byte[] {0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 4, 3, 2})),
            der(0x04, new byte[8]));
    byte[] signedData =
        der(
            0x30,
            der(0x02, new byte[] {1}),
            der(0x31),
            der(0x30, der(0x06, SPC_INDIRECT_DATA), der(0xa0, der(0x30))),
            der(0xa0, cert),
            der(0x31, signerInfo));
    return der(0x30, der(0x06, SIGNED_DATA), der(0xa0, signedData));
  }

  /** One DER element of {@code tag} holding {@code parts}. */
  private static byte[] der(int tag, byte[]... parts) {
    ByteArrayOutputStream value = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      value.writeBytes(part);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = value.size();
    if (length < 0x80) {
      out.write(length);
    } else if (length < 0x100) {
      out.write(0x81);
      out.write(length);
    } else {
      out.write(0x82);
      out.write(length >> 8);
      out.write(length);
    }
    out.writeBytes(value.toByteArray());
    return out.toByteArray();
  }

  /** Another self-signed certificate (CN=another CA, EC P-256), which issued nothing here. */
  public static final String ANOTHER_CA =
      "MIIBgTCCASegAwIBAgIULXS67/KvIIB7BL5dl2BxlCJEg8EwCgYIKoZIzj0EAwIw"
          + "FTETMBEGA1UEAwwKYW5vdGhlciBDQTAgFw0yNjExMzAwNzU0NTFaGA8yMTI2MTEw"
          + "NjA3NTQ1MVowFTETMBEGA1UEAwwKYW5vdGhlciBDQTBZMBMGByqGSM49AgEGCCqG"
          + "SM49AwEHA0IABHs0f4dwyEPH7c7jAx73ir4KQiIgDxBzFYHyrIopEA5VzPZlpK87"
          + "nTni4/Gyr5oO6Lw9YSf9gegETP2Pk7rKsJyjUzBRMB0GA1UdDgQWBBSQNbNoaxT5"
          + "nM8p3H7+J7ZLSZjLZTAfBgNVHSMEGDAWgBSQNbNoaxT5nM8p3H7+J7ZLSZjLZTAP"
          + "BgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0gAMEUCIAYE/uvvTA4HK+l1V6dL"
          + "Yti4Dzi/9LDYG+ectda0tJrYAiEA51jGFiy8rjx4dwlZogqi2AV7FW+4E3gPtcEk"
          + "X7ajZpA=";

  /** The DER of the certificate that signed {@link #signed()}. */
  public static byte[] signerCertificate() {
    return Base64.getDecoder().decode(CERTIFICATE);
  }

  /** The DER of {@link #ANOTHER_CA}. */
  public static byte[] anotherCa() {
    return Base64.getDecoder().decode(ANOTHER_CA);
  }

  /**
   * A shim-like PE32+ image with one section, {@code .vendor_cert} (its name in the COFF string
   * table, as the linker writes a name longer than eight bytes), holding shim's cert_table and
   * {@code vendorCert}.
   */
  public static byte[] shimWith(byte[] vendorCert) {
    int optionalSize = 112 + 16 * 8;
    int sectionTable = PE + 24 + optionalSize;
    int raw = 0x400;
    int strings = raw + 16 + vendorCert.length;
    byte[] name = ".vendor_cert\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    ByteBuffer b = ByteBuffer.allocate(strings + 4 + name.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put(0, (byte) 'M').put(1, (byte) 'Z').putInt(0x3c, PE);
    b.put(PE, (byte) 'P').put(PE + 1, (byte) 'E');
    b.putShort(PE + 4, (short) 0x8664);
    b.putShort(PE + 6, (short) 1); // one section
    b.putInt(PE + 12, strings); // the symbol table (none) and the string table after it
    b.putInt(PE + 16, 0);
    b.putShort(PE + 20, (short) optionalSize);
    b.putShort(PE + 24, (short) 0x20b);
    b.putInt(PE + 24 + 108, 16);
    b.put(sectionTable, (byte) '/').put(sectionTable + 1, (byte) '4');
    b.putInt(sectionTable + 8, 16 + vendorCert.length);
    b.putInt(sectionTable + 16, 16 + vendorCert.length);
    b.putInt(sectionTable + 20, raw);
    b.putInt(raw, vendorCert.length).putInt(raw + 4, 0).putInt(raw + 8, 16).putInt(raw + 12, 16);
    b.put(raw + 16, vendorCert);
    b.putInt(strings, 4 + name.length);
    b.put(strings + 4, name);
    return b.array();
  }
}
