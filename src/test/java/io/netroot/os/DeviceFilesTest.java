package io.netroot.os;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DeviceFilesTest {

  @Test
  void makedevMatchesGlibcForSmallAndLargeNumbers() {
    assertThat(DeviceFiles.makedev(1, 3)).isEqualTo(0x103L);
    assertThat(DeviceFiles.makedev(4, 64)).isEqualTo(0x440L);
    assertThat(DeviceFiles.makedev(10, 135)).isEqualTo(0xa87L);
    // the value glibc's makedev(0x12345, 0x6789a) gives
    assertThat(DeviceFiles.makedev(0x12345, 0x6789a)).isEqualTo(0x0001_2000_6783_459aL);
  }

  @Property
  void majorAndMinorUndoMakedev(
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int major,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int minor) {
    long dev = DeviceFiles.makedev(major, minor);
    assertThat(DeviceFiles.major(dev)).isEqualTo(major);
    assertThat(DeviceFiles.minor(dev)).isEqualTo(minor);
  }

  @Test
  void compressionIsRecognisedByItsMagicBytes() {
    assertThat(Tar.Compression.detect(new byte[] {0x1f, (byte) 0x8b, 8, 0}))
        .isEqualTo(Tar.Compression.GZIP);
    assertThat(Tar.Compression.detect(new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0, 0}))
        .isEqualTo(Tar.Compression.XZ);
    assertThat(Tar.Compression.detect("BZh91AY".getBytes())).isEqualTo(Tar.Compression.BZIP2);
    assertThat(Tar.Compression.detect("./etc/".getBytes())).isEqualTo(Tar.Compression.NONE);
    assertThat(Tar.Compression.detect(new byte[0])).isEqualTo(Tar.Compression.NONE);
  }
}
