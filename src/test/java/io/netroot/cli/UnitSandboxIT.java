package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The file-system view of the shipped unit (systemd/netroot-agent.service), rebuilt in a mount
 * namespace over a root prefix R standing for {@code /}: R read-only ({@code
 * ProtectSystem=strict}), each of the unit's {@code ReadWritePaths} that exists under R bound
 * writable, and a fresh tmpfs on {@code /tmp} ({@code PrivateTmp}). Inside it {@code bin/agent
 * apply} and a pass of {@code bin/agent run} must write every file they manage. Needs root
 * (mounts).
 */
class UnitSandboxIT {

  static final Path UNIT = Path.of("systemd/netroot-agent.service");

  Path dir;
  TestBootServer server;

  @BeforeEach
  void setUp() throws Exception {
    // under target/: the namespace mounts a fresh tmpfs on /tmp
    Files.createDirectories(Path.of("target"));
    dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "unit-sandbox-");
    server = new TestBootServer(dir);
    server.editSpec(
        "boot.yaml",
        boot ->
            boot.replace("/storage/diskless/cent55_root", "/srv/nfsroot/cent55")
                .replace(
                    "nfs: {exportsFile: /etc/exports, service: nfs-server}",
                    "nfs: {service: nfs-server, versions: {v2: false, v3: true}}"));
    // a Debian boot server as installed: the shared files exist, the drop-in directories do not
    for (String d : List.of("etc/dhcp", "etc/default", "var/lib/tftpboot", "srv/nfsroot")) {
      Files.createDirectories(server.root.resolve(d));
    }
    Files.writeString(server.file("/etc/exports"), "# /etc/exports: hand-written line\n");
    Files.writeString(server.file("/etc/nfs.conf"), "[nfsd]\nthreads=8\n");
    Files.writeString(
        server.file("/etc/default/tftpd-hpa"),
        "TFTP_USERNAME=\"tftp\"\nTFTP_DIRECTORY=\"/srv/tftp\"\n");
  }

  @AfterEach
  void tearDown() throws Exception {
    new ProcessBuilder("rm", "-rf", dir.toString()).start().waitFor();
  }

  /** Every path of the unit's ReadWritePaths= lines, without the "-" that makes one optional. */
  static List<String> readWritePaths() throws Exception {
    List<String> paths = new ArrayList<>();
    for (String line : Files.readAllLines(UNIT)) {
      if (line.startsWith("ReadWritePaths=")) {
        for (String word : line.substring("ReadWritePaths=".length()).trim().split("\\s+")) {
          paths.add(word.startsWith("-") ? word.substring(1) : word);
        }
      }
      if (line.equals("StateDirectory=netroot")) {
        paths.add("/var/lib/netroot");
      }
    }
    return paths;
  }

  @Test
  void applyAndRunWriteEveryManagedFileUnderTheUnitsProtections() throws Exception {
    assertThat(Path.of("target/netroot.jar")).as("the jar built by mvn package").exists();
    assertThat(Files.readString(UNIT)).contains("ProtectSystem=strict", "PrivateTmp=yes");
    Files.createDirectories(server.file("/var/lib/netroot"));
    Files.createDirectories(server.file("/var/lib/nfs"));
    long exportsInode = (long) Files.getAttribute(server.file("/etc/exports"), "unix:ino");

    String r = server.root.toString();
    StringBuilder script = new StringBuilder("set -e\n");
    script.append("mount --bind ").append(r).append(' ').append(r).append('\n');
    script.append("mount -o remount,bind,ro ").append(r).append('\n');
    for (String path : readWritePaths()) {
      String under = r + path;
      script.append("if [ -e '").append(under).append("' ]; then mount --bind '");
      script.append(under).append("' '").append(under).append("'; mount -o remount,bind,rw '");
      script.append(under).append("'; fi\n");
    }
    // PrivateTmp; a checkout that itself lies under /tmp (a fresh clone there) is bound back over
    // the new tmpfs through a descriptor opened before it, with the sandbox's mounts inside it
    String project = Path.of("").toAbsolutePath().toString();
    script.append("exec 9< '").append(project).append("'\n");
    script.append("mount -t tmpfs tmpfs /tmp\n");
    script.append("case '").append(project).append("' in /tmp/*) mkdir -p '").append(project);
    script
        .append("' && mount --no-canonicalize --rbind /proc/self/fd/9 '")
        .append(project)
        .append("';; esac\n");
    script.append("grep unit-sandbox /proc/self/mountinfo >&2\n");
    // the sandbox is real: a file straight in /etc cannot be created
    script.append("if touch ").append(r).append("/etc/probe 2>/dev/null; then exit 42; fi\n");
    String agent = Path.of("bin/agent").toAbsolutePath().toString();
    String common = " --specs " + server.specs + " --root " + r;
    script.append("NETROOT_CDS=off ").append(agent).append(" apply").append(common);
    script.append(" --services none\n");
    // hand edits inside the managed parts, written through the files (sed -i would need /etc)
    script.append("printf '[nfsd]\\nthreads=8\\nvers2=y\\nvers3=y\\n' > ").append(r);
    script.append("/etc/nfs.conf\n");
    script.append("printf 'TFTP_USERNAME=\"tftp\"\\nTFTP_DIRECTORY=\"/elsewhere\"\\n' > ");
    script.append(r).append("/etc/default/tftpd-hpa\n");
    script.append("echo '--- run'\n");
    script.append("NETROOT_CDS=off ").append(agent).append(" run").append(common);
    script.append(" --http 0 --interval 1h --services none &\n");
    script.append("pid=$!\n");
    // the status file is written when a pass starts too: wait for one that has finished
    String status = r + "/var/lib/netroot/status.json";
    script.append("for i in $(seq 1 600); do [ -e ").append(status);
    script.append(" ] && ! grep -q pass_in_progress ").append(status);
    script.append(" && break; sleep 0.1; done\n");
    script.append("kill -TERM $pid; wait $pid\n");

    Path log = dir.resolve("sandbox.log");
    Process sandbox =
        new ProcessBuilder(
                "unshare", "-m", "--propagation", "private", "sh", "-c", script.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertThat(sandbox.waitFor(180, TimeUnit.SECONDS)).as("finished in 3 minutes").isTrue();
    String out = Files.readString(log);
    assertThat(sandbox.exitValue()).as(out).isZero();

    assertThat(out).doesNotContain("Read-only file system").contains("in place: /etc is read-only");
    assertThat(server.file("/etc/exports"))
        .content()
        .contains("# /etc/exports: hand-written line")
        .contains("/srv/nfsroot/cent55 10.0.0.0/24(rw,sync,no_root_squash)");
    assertThat((long) Files.getAttribute(server.file("/etc/exports"), "unix:ino"))
        .as("rewritten through the same file")
        .isEqualTo(exportsInode);
    // run put back what the hand edits changed
    assertThat(server.file("/etc/nfs.conf")).hasContent("[nfsd]\nthreads=8\nvers2=n\nvers3=y");
    assertThat(server.file("/etc/default/tftpd-hpa"))
        .content()
        .contains("TFTP_DIRECTORY=\"/var/lib/tftpboot\"");
    assertThat(server.file("/etc/dhcp/dhcpd.conf")).content().contains("host devboard {");
    assertThat(server.file("/var/lib/tftpboot/pxelinux.cfg/01-08-00-2b-4c-59-23")).exists();
    assertThat(server.file("/var/lib/tftpboot/pxelinux.0")).exists();
    assertThat(server.file("/srv/nfsroot/cent55/etc/fstab")).content().contains(" / nfs ");
    assertThat(server.file("/var/lib/netroot/status.json")).exists();
    try (Stream<Path> etc = Files.list(server.file("/etc"));
        Stream<Path> copies = Files.walk(server.file("/var/lib/netroot/in-place"))) {
      assertThat(etc).noneMatch(p -> p.getFileName().toString().contains(".netroot-"));
      assertThat(copies).noneMatch(Files::isRegularFile);
    }
  }
}
