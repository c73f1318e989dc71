package io.netroot.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The Authenticode signature of a PE/COFF image, read as firmware and shim find it: images built
 * here (an MS-DOS header, a PE32+ optional header with its data directories, a certificate table
 * with a PKCS#7 SignedData holding a test certificate), signed, unsigned, stripped and broken.
 */
class PeSignatureTest {

  private static final int PE = PeImages.PE;
  private static final int DIRECTORIES = PeImages.DIRECTORIES;
  private static final int HEADERS = PeImages.HEADERS;

  @Test
  void aSignedImageNamesItsSignerAndIssuer() throws Exception {
    PeSignature signature = PeSignature.of(image(winCertificate(2, pkcs7(true))));

    assertThat(signature.state()).isEqualTo(PeSignature.State.SIGNED);
    assertThat(signature.signed()).isTrue();
    assertThat(signature.signer().orElseThrow().getSubjectX500Principal().getName())
        .isEqualTo("CN=netroot test signer");
    assertThat(signature.describe())
        .isEqualTo("signed by CN=netroot test signer (issued by CN=netroot test signer)");
  }

  @Test
  void anImageWithAnEmptyCertificateTableIsUnsigned() {
    PeSignature signature = PeSignature.of(image(null));

    assertThat(signature.state()).isEqualTo(PeSignature.State.UNSIGNED);
    assertThat(signature.describe())
        .isEqualTo("no Authenticode signature (its certificate table is empty)");
  }

  @Test
  void aStrippedCopyOfASignedImageIsUnsignedAndShorter() throws Exception {
    byte[] signed = image(winCertificate(2, pkcs7(true)));

    byte[] stripped = PeImages.withoutSignature(signed);

    assertThat(PeSignature.of(stripped).state()).isEqualTo(PeSignature.State.UNSIGNED);
    assertThat(stripped).hasSize(HEADERS);
    assertThat(Arrays.copyOf(signed, DIRECTORIES + 32))
        .isEqualTo(Arrays.copyOf(stripped, DIRECTORIES + 32));
  }

  @Test
  void aFileThatIsNoPeImageIsSaidSo() {
    assertThat(PeSignature.of("#!/bin/sh\n".repeat(20).getBytes()).state())
        .isEqualTo(PeSignature.State.NOT_PE);
    byte[] noPe = image(null);
    noPe[PE] = 'X';
    assertThat(PeSignature.of(noPe).describe()).startsWith("not a PE/COFF image");
    assertThat(PeSignature.of(new byte[3]).state()).isEqualTo(PeSignature.State.NOT_PE);
  }

  @Test
  void aCertificateOfAnotherTypeOrNoSignedDataIsMalformed() throws Exception {
    assertThat(PeSignature.of(image(winCertificate(1, pkcs7(true)))).state())
        .as("WIN_CERT_TYPE_X509")
        .isEqualTo(PeSignature.State.MALFORMED);
    byte[] garbage = new byte[64];
    Arrays.fill(garbage, (byte) 0x30);
    assertThat(PeSignature.of(image(winCertificate(2, garbage))).state())
        .isEqualTo(PeSignature.State.MALFORMED);
  }

  @Test
  void aSignerWhoseCertificateIsNotInTheSignatureIsMalformed() throws Exception {
    PeSignature signature = PeSignature.of(image(winCertificate(2, pkcs7(false))));

    assertThat(signature.state()).isEqualTo(PeSignature.State.MALFORMED);
    assertThat(signature.describe()).contains("the signer's certificate is not in the signature");
  }

  @Test
  void aCertificateTableOutsideTheFileIsMalformedNotARead() {
    byte[] image = image(null);
    ByteBuffer b = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(DIRECTORIES + 32, image.length - 4);
    b.putInt(DIRECTORIES + 36, 4096);

    assertThat(PeSignature.of(image).state()).isEqualTo(PeSignature.State.MALFORMED);
  }

  private static byte[] image(byte[] certificate) {
    return PeImages.image(certificate);
  }

  private static byte[] winCertificate(int type, byte[] content) {
    return PeImages.winCertificate(type, content);
  }

  private static byte[] pkcs7(boolean signerIsTheCertificate) throws Exception {
    return PeImages.pkcs7(signerIsTheCertificate);
  }
}
