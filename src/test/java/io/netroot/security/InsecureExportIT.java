package io.netroot.security;

import static io.netroot.security.Sandbox.BOOT;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exports that hand root on the boot server's files to everyone, written in forms other than {@code
 * *}, and exports or a TFTP root of the server's own system directories: each is refused without
 * {@code acknowledgeInsecure: true}.
 */
class InsecureExportIT {

  static final String SEED_CLIENT = "      options: [rw, sync, no_root_squash]\n";

  @TempDir Path dir;
  Sandbox box;

  @BeforeEach
  void setUp() {
    box = new Sandbox(dir);
  }

  /** Adds a client to the seed's export. */
  void addClient(String match, String options) {
    box.editSpec(
        BOOT,
        SEED_CLIENT,
        SEED_CLIENT + "    - match: \"" + match + "\"\n      options: " + options + "\n");
  }

  @ParameterizedTest(name = "no_root_squash to {0} is refused")
  @ValueSource(strings = {"::/0", "[::]/0", "::", "@netgroup", "node[0-9]"})
  void noRootSquashToEveryoneInAnotherSpellingIsRefused(String match) {
    addClient(match, "[rw, no_root_squash]");
    Expect.specValueRefused(box, BOOT, box.linesOf(BOOT, "match: \"" + match + "\""));
  }

  @Test
  void squashingEveryoneToUidZeroIsRefused() {
    addClient("*", "[rw, all_squash, anonuid=0, anongid=0]");
    Expect.specValueRefused(
        box, BOOT, box.linesOf(BOOT, "match: \"*\"")[0], box.linesOf(BOOT, "anonuid=0")[0]);
  }

  @ParameterizedTest(name = "an export of {0} is refused")
  @ValueSource(strings = {"/etc", "/usr", "/var", "/boot"})
  void exportOfASystemDirectoryIsRefused(String path) {
    box.appendSpec(
        BOOT,
        """
        apiVersion: netroot/v1
        kind: Export
        metadata: {name: system}
        spec:
          path: %s
          clients:
            - match: 10.0.0.0/24
              options: [ro]
        """
            .formatted(path));
    Expect.specValueRefused(box, BOOT, box.linesOf(BOOT, "path: " + path));
  }

  @Test
  void tftpRootAtSlashIsRefused() {
    box.editSpec(BOOT, "tftpRoot: /var/lib/tftpboot", "tftpRoot: /");
    Expect.specValueRefused(box, BOOT, box.linesOf(BOOT, "tftpRoot: /"));
  }
}
