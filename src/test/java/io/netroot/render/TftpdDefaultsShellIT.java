package io.netroot.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.spec.BootServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Has a real shell source {@code /etc/default/tftpd-hpa} as tftpd-hpa's init script does, for
 * written attacks and a few thousand generated TFTP roots the renderer accepts, and checks that
 * each sets {@code TFTP_DIRECTORY} to exactly the root, sets nothing else ({@code TFTP_OPTIONS}
 * stays unset), and stays one word when the script uses it unquoted.
 *
 * <p>The shell runs without a usable {@code PATH}, in its own PID and mount namespaces with {@code
 * /} read-only, so that a failure of the escaping cannot run or change anything.
 */
class TftpdDefaultsShellIT {

  private static final String SCRIPT =
      "for f; do ("
          + " . \"$f\";"
          + " set -- $TFTP_DIRECTORY;"
          + " printf '%s\\0%s\\0%s\\0%s\\0' \"$TFTP_DIRECTORY\" \"$#\" \"$1\""
          + " \"${TFTP_OPTIONS-unset}\""
          + " ); done";

  @TempDir Path dir;

  @Test
  void theShellReadsBackExactlyEveryRootTheRendererAccepts() throws Exception {
    Set<String> roots = new LinkedHashSet<>();
    roots.addAll(
        List.of(
            "/srv/$(reboot)",
            "/srv/`reboot`",
            "/srv/${PATH}",
            "/srv/a\"b\\c'd",
            "/srv/%h!x&y|z<w>v(u)",
            "/srv/\\$(reboot)",
            "/srv/tftp\\"));
    HostileSpecs.values()
        .sampleStream()
        .limit(3000)
        .map(v -> "/srv/" + v)
        .filter(TftpdDefaultsShellIT::accepted)
        .limit(1000)
        .forEach(roots::add);
    List<String> accepted = roots.stream().filter(TftpdDefaultsShellIT::accepted).toList();
    assertThat(accepted).hasSizeGreaterThan(300);

    List<String> command = new ArrayList<>(List.of("unshare", "-p", "-f", "-m", "--kill-child"));
    command.addAll(
        List.of(
            "sh",
            "-c",
            "mount -o remount,bind,ro / && cd / && exec env -i PATH=/nonexistent /bin/sh -c \"$0\""
                + " sh \"$@\"",
            SCRIPT));
    for (int i = 0; i < accepted.size(); i++) {
      Path file = dir.resolve(i + ".conf");
      String value = TftpdSettings.shellValue(server(), accepted.get(i));
      Files.writeString(file, "TFTP_DIRECTORY=" + value + "\n", StandardCharsets.UTF_8);
      command.add(file.toString());
    }

    Process process =
        new ProcessBuilder(command).redirectError(dir.resolve("err").toFile()).start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(dir.resolve("err"))).isZero();

    String[] fields = new String(output, StandardCharsets.UTF_8).split("\0", -1);
    assertThat(fields).hasSize(accepted.size() * 4 + 1);
    for (int i = 0; i < accepted.size(); i++) {
      String root = accepted.get(i);
      assertThat(fields[4 * i]).as("TFTP_DIRECTORY of %s", root).isEqualTo(root);
      assertThat(fields[4 * i + 1]).as("words of %s", root).isEqualTo("1");
      assertThat(fields[4 * i + 2]).as("unquoted use of %s", root).isEqualTo(root);
      assertThat(fields[4 * i + 3]).as("TFTP_OPTIONS after %s", root).isEqualTo("unset");
    }
  }

  private static boolean accepted(String root) {
    try {
      TftpdSettings.shellValue(server(), root);
      return true;
    } catch (UnsafeValueException e) {
      return false;
    }
  }

  private static BootServer server() {
    return HostileSpecs.server("netroot", "local", "/srv/tftp");
  }
}
