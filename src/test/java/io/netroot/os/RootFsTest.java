package io.netroot.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.netroot.NetrootException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RootFsTest {

  @TempDir Path dir;
  @TempDir Path victim;

  RootFs root;

  @BeforeEach
  void setUp() throws Exception {
    root = new RootFs(dir);
    Files.writeString(victim.resolve("default"), "victim\n");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "//etc/fstab|starts with //",
        "//tmp/V/dhcpd.conf|starts with //",
        "/a/../b|has a .. segment",
        "/..|has a .. segment",
        "/srv/tftp/..|has a .. segment",
        "/./x|has a . segment",
        "/a/.|has a . segment",
        "etc/exports|is not absolute",
        "../etc|is not absolute",
      })
  void aServerPathThatCouldLeaveTheRootIsRefusedNamingIt(String path, String why) {
    assertThatThrownBy(() -> root.resolve(path))
        .isInstanceOf(NetrootException.class)
        .hasMessageContaining("\"" + path + "\"")
        .hasMessageContaining(why);
  }

  @Test
  void anEmptyServerPathIsRefused() {
    assertThatThrownBy(() -> root.resolve(""))
        .isInstanceOf(NetrootException.class)
        .hasMessage("server path \"\" is empty");
  }

  @Test
  void aNulInAServerPathIsRefusedAndShownEscaped() {
    assertThatThrownBy(() -> root.resolve("/etc/fstab\0/x"))
        .isInstanceOf(NetrootException.class)
        .hasMessage("server path \"/etc/fstab\\0/x\" contains a NUL character");
  }

  @Test
  void theRootItselfAndOrdinaryPathsResolveInsideThePrefix() {
    assertThat(root.resolve("/")).isEqualTo(dir);
    assertThat(root.resolve("/etc/exports")).isEqualTo(dir.resolve("etc/exports"));
    assertThat(root.resolve("/srv/tftp/")).isEqualTo(dir.resolve("srv/tftp"));
    assertThat(root.resolve("/srv//tftp")).isEqualTo(dir.resolve("srv/tftp"));
    assertThat(root.resolve("/a/..b/.c")).isEqualTo(dir.resolve("a/..b/.c"));
    assertThat(RootFs.system().resolve("/etc/exports")).isEqualTo(Path.of("/etc/exports"));
  }

  @Test
  void writingIntoALinkedDirectoryIsRefusedAndWritesNothing() throws Exception {
    Files.createDirectories(dir.resolve("srv/tftp"));
    Files.createSymbolicLink(dir.resolve("srv/tftp/pxelinux.cfg"), victim);
    Map<String, String> before = DirectorySnapshot.of(victim);

    assertThatThrownBy(
            () -> root.writeFile("/srv/tftp/pxelinux.cfg/default", bytes("mine\n"), null))
        .isInstanceOf(NetrootException.class)
        .hasMessage(
            dir.resolve("srv/tftp/pxelinux.cfg")
                + " is a symbolic link; netroot does not write through links");
    assertThatThrownBy(() -> root.writeFile("/srv/tftp/pxelinux.cfg/new", bytes("x"), null))
        .hasMessageContaining("does not write through links");

    assertThat(DirectorySnapshot.of(victim)).isEqualTo(before);
  }

  @Test
  void aLinkHigherUpIsRefusedToo() throws Exception {
    Files.createDirectories(dir.resolve("var"));
    Files.createSymbolicLink(dir.resolve("var/lib"), victim);
    Map<String, String> before = DirectorySnapshot.of(victim);

    assertThatThrownBy(() -> root.writeFile("/var/lib/tftpboot/x", bytes("x"), null))
        .hasMessage(
            dir.resolve("var/lib") + " is a symbolic link; netroot does not write through links");
    assertThatThrownBy(() -> root.look("/var/lib/tftpboot/x"))
        .hasMessageContaining("var/lib is a symbolic link");
    assertThatThrownBy(() -> root.remove("/var/lib/default"))
        .hasMessageContaining("var/lib is a symbolic link");
    assertThat(DirectorySnapshot.of(victim)).isEqualTo(before);
  }

  @Test
  void aLinkAtTheFileIsReplacedNotFollowed() throws Exception {
    Files.createDirectories(dir.resolve("etc"));
    Files.createSymbolicLink(dir.resolve("etc/exports"), victim.resolve("default"));

    root.writeFile("/etc/exports", bytes("mine\n"), null);

    assertThat(Files.isSymbolicLink(dir.resolve("etc/exports"))).isFalse();
    assertThat(dir.resolve("etc/exports")).hasContent("mine");
    assertThat(victim.resolve("default")).hasContent("victim");
    assertThat(DirectorySnapshot.mode(dir.resolve("etc/exports"))).isEqualTo(0644);
  }

  @Test
  void lookingAtALinkReportsTheLinkAndNeverReadsItsTarget() throws Exception {
    Files.createDirectories(dir.resolve("etc"));
    Files.createSymbolicLink(dir.resolve("etc/fstab"), victim.resolve("default"));
    Files.writeString(dir.resolve("etc/exports"), "exports\n");

    assertThat(root.look("/etc/fstab")).isEqualTo(new Found.Link(victim.resolve("default") + ""));
    assertThat(((Found.File) root.look("/etc/exports")).bytes()).isEqualTo(bytes("exports\n"));
    assertThat(root.look("/etc/none")).isEqualTo(new Found.Nothing());
    assertThat(root.look("/missing/dir/file")).isEqualTo(new Found.Nothing());
    assertThatThrownBy(() -> root.read("/etc/fstab"))
        .isInstanceOf(NetrootException.class)
        .hasMessage(
            dir.resolve("etc/fstab") + " is a symbolic link; netroot does not read through links");
    assertThatThrownBy(() -> root.read("/etc/none")).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void aFifoOrADeviceAtAManagedPathIsRefusedWithoutWaitingForAWriter() throws Exception {
    Files.createDirectories(dir.resolve("srv/tftp/pxelinux.cfg"));
    Path fifo = dir.resolve("srv/tftp/pxelinux.cfg/01-aa");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor()).isZero();
    Files.createDirectories(dir.resolve("dev"));
    Files.createSymbolicLink(dir.resolve("dev/zero"), Path.of("/dev/zero"));

    // opened the way Java opens files, the FIFO would make this wait for a writer for ever
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () ->
            assertThatThrownBy(() -> root.look("/srv/tftp/pxelinux.cfg/01-aa"))
                .isInstanceOf(FileSystemException.class)
                .hasMessageContaining(
                    "is a FIFO, a socket or a device, not a regular file; netroot does not read it"));
    assertThatThrownBy(() -> root.look("/srv/tftp/pxelinux.cfg"))
        .isInstanceOf(FileSystemException.class)
        .hasMessageContaining("is a directory, not a regular file");
    // a link to a device is a link, never opened
    assertThat(root.look("/dev/zero")).isEqualTo(new Found.Link("/dev/zero"));
  }

  @Test
  void removingALinkRemovesTheLinkAlone() throws Exception {
    Files.createDirectories(dir.resolve("etc"));
    Files.createSymbolicLink(dir.resolve("etc/fstab"), victim.resolve("default"));

    assertThat(root.remove("/etc/fstab")).isTrue();

    assertThat(dir.resolve("etc/fstab")).doesNotExist();
    assertThat(victim.resolve("default")).hasContent("victim");
  }

  @Test
  void directoriesAreCreatedWithExplicitModesWhateverTheUmask() throws Exception {
    try (ProcessUmask mask = ProcessUmask.set(0077)) {
      root.writeFile("/srv/tftp/pxelinux.cfg/default", bytes("menu\n"), FileModes.parse("0644"));
      root.directory("/var/lib/netroot/backups", "/var/lib/netroot");
    }
    assertThat(DirectorySnapshot.mode(dir.resolve("srv"))).isEqualTo(0755);
    assertThat(DirectorySnapshot.mode(dir.resolve("srv/tftp/pxelinux.cfg"))).isEqualTo(0755);
    assertThat(DirectorySnapshot.mode(dir.resolve("srv/tftp/pxelinux.cfg/default")))
        .isEqualTo(0644);
    assertThat(DirectorySnapshot.mode(dir.resolve("var/lib"))).isEqualTo(0755);
    assertThat(DirectorySnapshot.mode(dir.resolve("var/lib/netroot"))).isEqualTo(0700);
    assertThat(DirectorySnapshot.mode(dir.resolve("var/lib/netroot/backups"))).isEqualTo(0700);
  }

  @Test
  void aDirectorySwappedForALinkAfterAPassIsSeenByTheNextPassAndByALongLivedRoot()
      throws Exception {
    root.forPass().writeFile("/srv/tftp/pxelinux.cfg/a", bytes("a\n"), null);
    root.writeFile("/srv/tftp/pxelinux.cfg/b", bytes("b\n"), null);
    Path cfg = dir.resolve("srv/tftp/pxelinux.cfg");
    Files.move(cfg, dir.resolve("moved"));
    Files.createSymbolicLink(cfg, victim);
    Map<String, String> before = DirectorySnapshot.of(victim);

    assertThatThrownBy(() -> root.writeFile("/srv/tftp/pxelinux.cfg/b", bytes("b2\n"), null))
        .hasMessageContaining("is a symbolic link");
    assertThatThrownBy(() -> root.forPass().look("/srv/tftp/pxelinux.cfg/default"))
        .hasMessageContaining("is a symbolic link");
    assertThat(DirectorySnapshot.of(victim)).isEqualTo(before);
  }
}
