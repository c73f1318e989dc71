package io.netroot.kernel;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Authenticode signature of a PE/COFF image: an x86 bzImage built with {@code CONFIG_EFI_STUB}
 * is one (its MS-DOS header's {@code e_lfanew} at 0x3C points at {@code PE\0\0}), and a
 * distribution signs it for UEFI Secure Boot.
 *
 * <p>The signature is found as UEFI firmware, shim and GRUB find it: entry 4 of the optional
 * header's data directories (the certificate table) gives the file offset and size of a list of
 * {@code WIN_CERTIFICATE} structures; one of revision 0x0200 and type 0x0002 ({@code
 * WIN_CERT_TYPE_PKCS_SIGNED_DATA}) holds a DER PKCS#7 {@code SignedData}. This class reads that
 * structure, the certificates it carries and who signed it (the certificate its {@code SignerInfo}
 * names by issuer and serial number), and whether a CA issued that certificate ({@link #issuedBy}).
 * It does not verify the signature against the image's bytes: firmware, shim and GRUB do that when
 * they boot it.
 */
public final class PeSignature {

  /** What an image carries. */
  public enum State {
    /** Not a PE/COFF image at all: no UEFI loader boots it (a kernel without the EFI stub). */
    NOT_PE,
    /** A PE/COFF image whose certificate table is empty: no Secure Boot chain accepts it. */
    UNSIGNED,
    /** A certificate table whose content is not a PKCS#7 SignedData Authenticode signature. */
    MALFORMED,
    /** An Authenticode signature with its signer's certificate. */
    SIGNED
  }

  private static final int WIN_CERT_REVISION_2_0 = 0x0200;
  private static final int WIN_CERT_TYPE_PKCS_SIGNED_DATA = 0x0002;

  /** 1.2.840.113549.1.7.2, pkcs7-signedData. */
  private static final byte[] SIGNED_DATA_OID = {
    0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x07, 0x02
  };

  /** 1.3.6.1.4.1.311.2.1.4, SPC_INDIRECT_DATA_OBJID: the content Authenticode signs. */
  private static final byte[] SPC_INDIRECT_DATA_OID = {
    0x2b, 0x06, 0x01, 0x04, 0x01, (byte) 0x82, 0x37, 0x02, 0x01, 0x04
  };

  private final State state;
  private final String detail;
  private final X509Certificate signer;
  private final List<X509Certificate> certificates;

  private PeSignature(
      State state, String detail, X509Certificate signer, List<X509Certificate> certificates) {
    this.state = state;
    this.detail = detail;
    this.signer = signer;
    this.certificates = List.copyOf(certificates);
  }

  public State state() {
    return state;
  }

  /** Whether the image carries an Authenticode signature with a signer's certificate. */
  public boolean signed() {
    return state == State.SIGNED;
  }

  /** The signer's certificate, when {@link #signed()}. */
  public Optional<X509Certificate> signer() {
    return Optional.ofNullable(signer);
  }

  /** Every certificate the signature carries (the signer's, and intermediates if any). */
  public List<X509Certificate> certificates() {
    return certificates;
  }

  /**
   * Whether {@code ca} issued the signer's certificate, directly or through certificates the
   * signature carries: each step's signature is verified with its issuer's public key.
   */
  public boolean issuedBy(X509Certificate ca) {
    X509Certificate current = signer;
    for (int depth = 0; current != null && depth < 8; depth++) {
      if (verifies(current, ca)) {
        return true;
      }
      X509Certificate next = null;
      for (X509Certificate candidate : certificates) {
        if (candidate != current
            && candidate.getSubjectX500Principal().equals(current.getIssuerX500Principal())
            && verifies(current, candidate)) {
          next = candidate;
          break;
        }
      }
      current = next;
    }
    return false;
  }

  private static boolean verifies(X509Certificate cert, X509Certificate issuer) {
    if (!cert.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
      return false;
    }
    try {
      cert.verify(issuer.getPublicKey());
      return true;
    } catch (java.security.GeneralSecurityException e) {
      return false;
    }
  }

  /**
   * What the image carries, in words: {@code signed by CN=Debian Secure Boot Signer 2022 - linux
   * (issued by CN=Debian Secure Boot CA)}, {@code not a PE/COFF image}, {@code no Authenticode
   * signature (its certificate table is empty)}.
   */
  public String describe() {
    return switch (state) {
      case NOT_PE -> "not a PE/COFF image (" + detail + "), so no UEFI loader can verify it";
      case UNSIGNED -> "no Authenticode signature (" + detail + ")";
      case MALFORMED -> "a certificate table that holds no Authenticode signature (" + detail + ")";
      case SIGNED ->
          "signed by "
              + signer.getSubjectX500Principal().getName()
              + " (issued by "
              + signer.getIssuerX500Principal().getName()
              + ")";
    };
  }

  /**
   * Reads the signature of the image at {@code image}.
   *
   * @throws io.netroot.NetrootException when the file cannot be read
   */
  public static PeSignature of(java.nio.file.Path image) {
    try {
      return of(java.nio.file.Files.readAllBytes(image));
    } catch (java.io.IOException e) {
      throw new io.netroot.NetrootException(
          "cannot read kernel image " + image + ": " + e.getMessage(), e);
    }
  }

  /** Reads the signature of the image {@code bytes}. */
  public static PeSignature of(byte[] bytes) {
    if (bytes.length < 0x40 || bytes[0] != 'M' || bytes[1] != 'Z') {
      return new PeSignature(State.NOT_PE, "no MZ header", null, List.of());
    }
    long pe = u32(bytes, 0x3c);
    if (pe + 24 > bytes.length
        || bytes[(int) pe] != 'P'
        || bytes[(int) pe + 1] != 'E'
        || bytes[(int) pe + 2] != 0
        || bytes[(int) pe + 3] != 0) {
      return new PeSignature(State.NOT_PE, "no PE signature at e_lfanew", null, List.of());
    }
    int optional = (int) pe + 24;
    int optionalSize = u16(bytes, (int) pe + 20);
    if (optional + optionalSize > bytes.length || optionalSize < 2) {
      return new PeSignature(State.NOT_PE, "truncated optional header", null, List.of());
    }
    int magic = u16(bytes, optional);
    int directories;
    int count;
    if (magic == 0x20b) { // PE32+
      count = optionalSize >= 112 ? (int) u32(bytes, optional + 108) : 0;
      directories = optional + 112;
    } else if (magic == 0x10b) { // PE32
      count = optionalSize >= 96 ? (int) u32(bytes, optional + 92) : 0;
      directories = optional + 96;
    } else {
      return new PeSignature(
          State.NOT_PE, "optional header magic 0x" + Integer.toHexString(magic), null, List.of());
    }
    if (count < 5 || directories + 5 * 8 > optional + optionalSize) {
      return new PeSignature(State.UNSIGNED, "no certificate table entry", null, List.of());
    }
    long offset = u32(bytes, directories + 4 * 8);
    long size = u32(bytes, directories + 4 * 8 + 4);
    if (offset == 0 || size == 0) {
      return new PeSignature(State.UNSIGNED, "its certificate table is empty", null, List.of());
    }
    if (offset + size > bytes.length || size < 8) {
      return new PeSignature(
          State.MALFORMED, "the certificate table lies outside the file", null, List.of());
    }
    String why = "no WIN_CERTIFICATE of type PKCS_SIGNED_DATA";
    long at = offset;
    long end = offset + size;
    while (at + 8 <= end) {
      long length = u32(bytes, (int) at);
      int revision = u16(bytes, (int) at + 4);
      int type = u16(bytes, (int) at + 6);
      if (length < 8 || at + length > end) {
        return new PeSignature(
            State.MALFORMED, "a WIN_CERTIFICATE of length " + length, null, List.of());
      }
      if (revision == WIN_CERT_REVISION_2_0 && type == WIN_CERT_TYPE_PKCS_SIGNED_DATA) {
        try {
          return signedData(Arrays.copyOfRange(bytes, (int) at + 8, (int) (at + length)));
        } catch (IllegalArgumentException | CertificateException e) {
          why = e.getMessage();
        }
      }
      at += (length + 7) & ~7L; // each entry is padded to 8 bytes
    }
    return new PeSignature(State.MALFORMED, why, null, List.of());
  }

  /** Parses a DER {@code ContentInfo} holding an Authenticode {@code SignedData}. */
  private static PeSignature signedData(byte[] der) throws CertificateException {
    Der contentInfo = Der.read(der, 0).expect(0x30, "ContentInfo");
    List<Der> ci = contentInfo.children(der);
    if (ci.size() < 2
        || !ci.get(0).is(0x06)
        || !Arrays.equals(ci.get(0).value(der), SIGNED_DATA_OID)) {
      throw new IllegalArgumentException("the PKCS#7 content is not SignedData");
    }
    Der signedData = ci.get(1).expect(0xa0, "[0] content").children(der).get(0);
    List<Der> sd = signedData.expect(0x30, "SignedData").children(der);
    // version, digestAlgorithms, encapContentInfo, [0] certificates, [1] crls, signerInfos
    if (sd.size() < 4) {
      throw new IllegalArgumentException("SignedData has " + sd.size() + " fields");
    }
    List<Der> encap = sd.get(2).expect(0x30, "encapContentInfo").children(der);
    if (encap.isEmpty()
        || !encap.get(0).is(0x06)
        || !Arrays.equals(encap.get(0).value(der), SPC_INDIRECT_DATA_OID)) {
      throw new IllegalArgumentException("the signed content is not SpcIndirectDataContent");
    }
    List<X509Certificate> certificates = new ArrayList<>();
    Der signerInfos = null;
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    for (int i = 3; i < sd.size(); i++) {
      Der field = sd.get(i);
      if (field.is(0xa0)) {
        for (Der cert : field.children(der)) {
          certificates.add(
              (X509Certificate)
                  factory.generateCertificate(new ByteArrayInputStream(cert.encoded(der))));
        }
      } else if (field.is(0x31)) {
        signerInfos = field;
      }
    }
    if (signerInfos == null || signerInfos.children(der).isEmpty()) {
      throw new IllegalArgumentException("SignedData has no SignerInfo");
    }
    List<Der> signerInfo =
        signerInfos.children(der).get(0).expect(0x30, "SignerInfo").children(der);
    List<Der> issuerAndSerial =
        signerInfo.get(1).expect(0x30, "IssuerAndSerialNumber").children(der);
    byte[] issuer = issuerAndSerial.get(0).encoded(der);
    java.math.BigInteger serial = new java.math.BigInteger(issuerAndSerial.get(1).value(der));
    for (X509Certificate cert : certificates) {
      if (cert.getSerialNumber().equals(serial)
          && Arrays.equals(cert.getIssuerX500Principal().getEncoded(), issuer)) {
        return new PeSignature(State.SIGNED, "", cert, certificates);
      }
    }
    throw new IllegalArgumentException("the signer's certificate is not in the signature");
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

  /**
   * One DER element: its tag, where its value starts and how long it is. Only definite lengths (DER
   * has no other); every position is checked against the buffer.
   */
  private record Der(int tag, int start, int headerLength, int length) {

    static Der read(byte[] b, int at) {
      if (at + 2 > b.length) {
        throw new IllegalArgumentException("DER runs past the end at " + at);
      }
      int tag = b[at] & 0xff;
      int first = b[at + 1] & 0xff;
      int header = 2;
      long length;
      if (first < 0x80) {
        length = first;
      } else {
        int n = first & 0x7f;
        if (n == 0 || n > 4 || at + 2 + n > b.length) {
          throw new IllegalArgumentException("DER length of " + n + " bytes at " + at);
        }
        length = 0;
        for (int i = 0; i < n; i++) {
          length = length << 8 | (b[at + 2 + i] & 0xff);
        }
        header += n;
      }
      if (at + header + length > b.length) {
        throw new IllegalArgumentException("DER element at " + at + " runs past the end");
      }
      return new Der(tag, at, header, (int) length);
    }

    boolean is(int expected) {
      return tag == expected;
    }

    Der expect(int expected, String what) {
      if (tag != expected) {
        throw new IllegalArgumentException(
            what
                + " has tag 0x"
                + Integer.toHexString(tag)
                + ", not 0x"
                + Integer.toHexString(expected));
      }
      return this;
    }

    byte[] value(byte[] b) {
      return Arrays.copyOfRange(b, start + headerLength, start + headerLength + length);
    }

    byte[] encoded(byte[] b) {
      return Arrays.copyOfRange(b, start, start + headerLength + length);
    }

    List<Der> children(byte[] b) {
      List<Der> children = new ArrayList<>();
      int at = start + headerLength;
      int end = at + length;
      while (at < end) {
        Der child = read(b, at);
        if (child.start + child.headerLength + child.length > end) {
          throw new IllegalArgumentException("DER element at " + at + " runs past its parent");
        }
        children.add(child);
        at = child.start + child.headerLength + child.length;
      }
      return children;
    }
  }
}
