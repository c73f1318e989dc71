package io.netroot.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import org.junit.jupiter.api.Test;

class Sha256Test {

  /** {@code printf abc | sha256sum} */
  private static final String ABC =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  /** {@code sha256sum /dev/null} */
  private static final String EMPTY =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private static final byte[] ABC_BYTES = "abc".getBytes(StandardCharsets.US_ASCII);

  @Test
  void bytesHashAsSha256sumPrintsThem() {
    assertThat(Sha256.of(ABC_BYTES).hex()).isEqualTo(ABC);
    assertThat(Sha256.of(new byte[0]).hex()).isEqualTo(EMPTY);
  }

  @Test
  void aStreamHashesWhatItHasLeft() throws Exception {
    assertThat(Sha256.ofRest(new ByteArrayInputStream(ABC_BYTES)).hex()).isEqualTo(ABC);
    InputStream rest = new ByteArrayInputStream("xabc".getBytes(StandardCharsets.US_ASCII));
    rest.read();
    assertThat(Sha256.ofRest(rest).hex()).isEqualTo(ABC);
    assertThat(Sha256.ofRest(InputStream.nullInputStream()).hex()).isEqualTo(EMPTY);
  }

  @Test
  void aLongStreamHashesLikeItsBytes() throws Exception {
    byte[] big = new byte[200_000];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 31);
    }
    assertThat(Sha256.ofRest(new ByteArrayInputStream(big)).hex()).isEqualTo(Sha256.of(big).hex());
  }

  @Test
  void aHashReadsBackFromItsTextAndRefusesAnythingElse() {
    assertThat(Sha256.parse(ABC)).isEqualTo(Sha256.of(ABC_BYTES));
    assertThat(Sha256.parse(ABC).shortForm()).isEqualTo(ABC.substring(0, 12));
    for (String bad : new String[] {"", "abc", ABC.toUpperCase(java.util.Locale.ROOT), ABC + "0"}) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> Sha256.parse(bad))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aHashingStreamHashesWhatAnotherReaderRead() throws Exception {
    DigestInputStream in = Sha256.hashing(new ByteArrayInputStream(ABC_BYTES));
    in.transferTo(OutputStream.nullOutputStream());
    assertThat(Sha256.of(in).hex()).isEqualTo(ABC);
  }
}
