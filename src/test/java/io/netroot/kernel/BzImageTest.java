package io.netroot.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netroot.NetrootException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BzImageTest {

  @TempDir Path dir;

  /** The first bytes of a bzImage: boot header magic and a version string where 0x20E points. */
  static byte[] header(String version, int stringAt, int size) {
    byte[] image = new byte[size];
    System.arraycopy("HdrS".getBytes(StandardCharsets.US_ASCII), 0, image, 0x202, 4);
    int pointer = stringAt - 0x200;
    image[0x20E] = (byte) pointer;
    image[0x20F] = (byte) (pointer >> 8);
    byte[] text = version.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(text, 0, image, stringAt, text.length);
    return image;
  }

  @Test
  void readsTheReleaseFromTheBootHeader() throws Exception {
    Path image = dir.resolve("vmlinuz");
    byte[] bytes =
        header(
            "6.1.0-18-amd64 (debian-kernel@lists.debian.org) #1 SMP PREEMPT_DYNAMIC Debian",
            0x3EC0,
            200_000);
    Files.write(image, bytes);
    assertThat(BzImage.release(image)).contains("6.1.0-18-amd64");
  }

  @Test
  void aStringPastTheFirst64KiBIsNotRead() {
    byte[] bytes = header("6.1.0", 0x1_0000 - 3, 0x1_0000 + 100);
    byte[] head = java.util.Arrays.copyOf(bytes, BzImage.HEAD);
    assertThat(BzImage.release(head)).isEmpty();
  }

  @Test
  void noMagicNoPointerOrAShortFileIsNoRelease() {
    byte[] noMagic = header("6.1.0", 0x1000, 0x2000);
    noMagic[0x202] = 'X';
    assertThat(BzImage.release(noMagic)).isEmpty();
    byte[] noPointer = header("", 0x200, 0x2000);
    assertThat(BzImage.release(noPointer)).isEmpty();
    assertThat(BzImage.release(new byte[100])).isEmpty();
    assertThat(BzImage.release(header(" ", 0x1000, 0x2000))).isEmpty();
  }

  @Test
  void aMissingImageIsAnError() {
    assertThatThrownBy(() -> BzImage.release(dir.resolve("none")))
        .isInstanceOf(NetrootException.class)
        .hasMessageContaining("cannot read kernel image");
  }
}
