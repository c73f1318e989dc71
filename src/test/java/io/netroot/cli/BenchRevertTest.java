package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchRevertTest {

  @TempDir Path dir;

  @Test
  void eachHandEditIsTimedToItsRevertAndTheFileEndsAsApplied() throws Exception {
    TestBootServer server = new TestBootServer(dir);
    assertThat(server.agent("apply").exit()).isZero();
    Path host = server.file("/var/lib/tftpboot/pxelinux.cfg/01-08-00-2b-4c-59-23");
    String applied = Files.readString(host);
    TestBootServer.Run run =
        TestBootServer.run(
            "bench",
            "revert",
            "--specs",
            server.specs.toString(),
            "--root",
            server.root.toString(),
            "--edits",
            "2");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .containsPattern("(?m)^revert 0 \\d+$")
        .containsPattern("(?m)^revert 1 \\d+$");
    assertThat(host).hasContent(applied);
  }

  @Test
  void withoutARootItRefuses() {
    TestBootServer.Run run = TestBootServer.run("bench", "revert", "--specs", dir.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("bench revert needs --root");
  }
}
