package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mode and owner are part of every managed file's desired state: a PXE file tftpd cannot read is a
 * node that does not boot, so plan and drift show a changed mode or owner and apply puts it back.
 */
class ModeAndOwnerDriftTest {

  static final String HOST_FILE = "/var/lib/tftpboot/pxelinux.cfg/01-08-00-2b-4c-59-23";
  static final String MENU = "/var/lib/tftpboot/pxelinux.cfg/default";
  static final String KERNEL = "/var/lib/tftpboot/images/linux-nfs1/vmlinuz-nfs1";
  static final int NOBODY = 65534;

  @TempDir Path dir;
  TestBootServer server;

  @BeforeEach
  void setUp() {
    server = new TestBootServer(dir);
    TestBootServer.Run apply = server.agent("apply");
    assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
  }

  @Test
  void aPxeFileMadeUnreadableIsDriftAndApplyGivesBackItsModeWithoutRewritingIt() throws Exception {
    Path file = server.file(HOST_FILE);
    String content = Files.readString(file);
    Object inode = Files.getAttribute(file, "unix:ino");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

    TestBootServer.Run drift = server.agent("drift");
    assertThat(drift.exit()).as(drift.out()).isEqualTo(2);
    assertThat(drift.out())
        .contains("~ " + HOST_FILE)
        .contains("mode 0600 (netroot sets 0644)")
        .doesNotContain("No drift")
        .doesNotContain("@@");

    TestBootServer.Run plan = server.agent("plan", "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.out()).isEqualTo(2);
    assertThat(plan.out())
        .contains("~ update " + HOST_FILE)
        .contains("mode 0600 → 0644")
        .contains("Plan: 0 to create, 1 to update")
        .doesNotContain("backup")
        .doesNotContain("would restart");

    TestBootServer.Run apply = server.agent("apply");
    assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out()).contains("Applied: 0 created, 1 updated");
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(file).hasContent(content);
    assertThat(Files.getAttribute(file, "unix:ino")).as("not rewritten").isEqualTo(inode);
    TestBootServer.Run backups = TestBootServer.run("backups", "--root", server.root.toString());
    assertThat(backups.exit()).as(backups.err()).isZero();
    assertThat(backups.out()).doesNotContain(HOST_FILE);

    assertThat(server.agent("plan", "--detailed-exitcode").exit()).isZero();
    assertThat(server.agent("drift").exit()).isZero();
  }

  @Test
  void aMenuGivenToAnotherOwnerIsDriftAndApplyGivesItBackToRoot() throws Exception {
    assumeTrue(isRoot(), "changing a file's owner needs root");
    Path menu = server.file(MENU);
    Files.setAttribute(menu, "unix:uid", NOBODY, LinkOption.NOFOLLOW_LINKS);
    String nobody = (String) Files.getAttribute(menu, "posix:owner").toString();

    TestBootServer.Run drift = server.agent("drift");
    assertThat(drift.exit()).as(drift.out()).isEqualTo(2);
    assertThat(drift.out()).contains("owner " + nobody + ":root (netroot sets root:root)");

    TestBootServer.Run plan = server.agent("plan");
    assertThat(plan.out())
        .contains("~ update " + MENU)
        .contains("owner " + nobody + ":root → root:root");

    assertThat(server.agent("apply").exit()).isZero();
    assertThat(Files.getAttribute(menu, "unix:uid")).isEqualTo(0);
    assertThat(Files.getAttribute(menu, "unix:gid")).isEqualTo(0);
    assertThat(server.agent("plan", "--detailed-exitcode").exit()).isZero();
  }

  @Test
  void jsonShowsModeAndOwnerBeforeAndAfter() throws Exception {
    assumeTrue(isRoot(), "changing a file's owner needs root");
    Path file = server.file(HOST_FILE);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    Files.setAttribute(file, "unix:gid", NOBODY, LinkOption.NOFOLLOW_LINKS);
    String group =
        Files.readAttributes(file, java.nio.file.attribute.PosixFileAttributes.class)
            .group()
            .getName();

    JsonNode plan = json(server.agent("plan", "--json"));
    JsonNode change = plan.get("changes").get(0);
    assertThat(change.get("path").asText()).isEqualTo(HOST_FILE);
    assertThat(change.get("action").asText()).isEqualTo("update");
    assertThat(change.get("mode").get("before").asText()).isEqualTo("0600");
    assertThat(change.get("mode").get("after").asText()).isEqualTo("0644");
    assertThat(change.get("owner").get("before").asText()).isEqualTo("root:" + group);
    assertThat(change.get("owner").get("after").asText()).isEqualTo("root:root");
    assertThat(change.get("diff").asText()).isEmpty();

    JsonNode drift = json(server.agent("drift", "--json")).get("drift").get(0);
    assertThat(drift.get("kind").asText()).isEqualTo("attributes");
    assertThat(drift.get("path").asText()).isEqualTo(HOST_FILE);
    assertThat(drift.get("mode").get("before").asText()).isEqualTo("0600");
    assertThat(drift.get("owner").get("after").asText()).isEqualTo("root:root");
  }

  @Test
  void aContentEditAndAModeChangeTogetherAreOneUpdateThatFixesBoth() throws Exception {
    Path file = server.file(HOST_FILE);
    Files.writeString(file, "DEFAULT local\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

    JsonNode drift = json(server.agent("drift", "--json")).get("drift").get(0);
    assertThat(drift.get("kind").asText()).isEqualTo("edited");
    assertThat(drift.get("mode").get("before").asText()).isEqualTo("0600");
    assertThat(drift.get("diff").asText()).contains("+DEFAULT local");

    TestBootServer.Run plan = server.agent("plan");
    assertThat(plan.out())
        .contains("edited by hand since the last apply; mode 0600 → 0644")
        .contains("(a backup will be kept)");

    assertThat(server.agent("apply").exit()).isZero();
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(file).content().doesNotContain("DEFAULT local");
    assertThat(server.agent("plan", "--detailed-exitcode").exit()).isZero();
  }

  @Test
  void aKernelLeftReadableOnlyByRootIsFixed() throws Exception {
    Path kernel = server.file(KERNEL);
    Files.setPosixFilePermissions(kernel, PosixFilePermissions.fromString("rw-------"));

    TestBootServer.Run plan = server.agent("plan");
    assertThat(plan.out())
        .contains("~ update " + KERNEL)
        .contains("mode 0600 → 0644")
        .doesNotContain("Binary " + KERNEL);

    assertThat(server.agent("apply").exit()).isZero();
    assertThat(Files.getPosixFilePermissions(kernel))
        .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(server.agent("plan", "--detailed-exitcode").exit()).isZero();
  }

  @Test
  void aSharedFileKeepsItsModeButNotAWriteBitForOthers() throws Exception {
    Path dhcpd = server.file("/etc/dhcp/dhcpd.conf");
    Files.setPosixFilePermissions(dhcpd, PosixFilePermissions.fromString("rw-r-----"));
    assertThat(server.agent("plan", "--detailed-exitcode").exit())
        .as("an admin's stricter mode is theirs")
        .isZero();

    Files.setPosixFilePermissions(dhcpd, PosixFilePermissions.fromString("rw-r---w-"));
    TestBootServer.Run plan = server.agent("plan");
    assertThat(plan.out()).contains("~ update /etc/dhcp/dhcpd.conf").contains("mode 0642 → 0640");
    assertThat(server.agent("apply").exit()).isZero();
    assertThat(Files.getPosixFilePermissions(dhcpd))
        .isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
    assertThat(server.agent("plan", "--detailed-exitcode").exit()).isZero();
  }

  private static boolean isRoot() throws Exception {
    return Files.getAttribute(Path.of("/proc/self"), "unix:uid").equals(0);
  }

  private static JsonNode json(TestBootServer.Run run) throws Exception {
    return new ObjectMapper().readTree(run.out());
  }
}
