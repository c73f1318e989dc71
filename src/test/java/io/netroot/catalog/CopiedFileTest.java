package io.netroot.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netroot.NetrootException;
import io.netroot.os.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopiedFileTest {

  @TempDir Path dir;

  Path kernel() throws Exception {
    Path file = dir.resolve("vmlinuz");
    Files.writeString(file, "a kernel", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    return file;
  }

  @Test
  void aSourceWithThePinnedHashIsCopied() throws Exception {
    String pin = Sha256.of("a kernel".getBytes(StandardCharsets.UTF_8)).hex();
    CopiedFile file =
        new CopiedFile("/srv/tftp/images/k/vmlinuz", "kernel k", kernel(), pin, null, List.of());

    assertThat(file.desired().bytes()).isEqualTo("a kernel".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aSourceWithAnotherHashIsRefused() throws Exception {
    String pin = Sha256.of("another kernel".getBytes(StandardCharsets.UTF_8)).hex();
    CopiedFile file =
        new CopiedFile("/srv/tftp/images/k/vmlinuz", "kernel k", kernel(), pin, null, List.of());

    assertThatThrownBy(file::desired)
        .isInstanceOf(NetrootException.class)
        .hasMessageContaining("but the spec pins " + pin);
  }
}
