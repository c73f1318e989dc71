package io.netroot.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;

/** The shim's vendor certificate, and whether it issued a kernel's signer. */
class ShimVendorCertificateTest {

  @Test
  void theVendorCertificateIsFoundByItsLongSectionName() {
    X509Certificate vendor =
        ShimVendorCertificate.of(PeImages.shimWith(PeImages.anotherCa())).orElseThrow();

    assertThat(vendor.getSubjectX500Principal().getName()).isEqualTo("CN=another CA");
  }

  @Test
  void anImageWithoutTheSectionOrNoPeAtAllHasNone() {
    assertThat(ShimVendorCertificate.of(PeImages.signed())).isEmpty();
    assertThat(ShimVendorCertificate.of(new byte[100])).isEmpty();
    byte[] broken = PeImages.shimWith(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01});
    assertThat(ShimVendorCertificate.of(broken)).isEmpty();
  }

  @Test
  void aSignerIsIssuedByTheCaWhoseKeyVerifiesItsCertificateAndNoOther() throws Exception {
    PeSignature signature = PeSignature.of(PeImages.signed());

    assertThat(signature.issuedBy(certificate(PeImages.signerCertificate()))).isTrue();
    assertThat(signature.issuedBy(certificate(PeImages.anotherCa()))).isFalse();
  }

  private static X509Certificate certificate(byte[] der) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }
}
