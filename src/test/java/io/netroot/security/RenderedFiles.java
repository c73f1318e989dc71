package io.netroot.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the files an apply rendered back the way their daemons would, and checks that they hold
 * exactly the seed's entries: no directive, label, export or client that a hostile value added.
 */
final class RenderedFiles {

  /** Every directive netroot writes into a pxelinux file; anything else is a broken line. */
  private static final Set<String> PXELINUX_KEYWORDS =
      Set.of(
          "UI",
          "PROMPT",
          "TIMEOUT",
          "MENU",
          "DEFAULT",
          "LABEL",
          "LOCALBOOT",
          "KERNEL",
          "INITRD",
          "APPEND",
          "IPAPPEND");

  private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

  private RenderedFiles() {}

  /**
   * Each pxelinux file has only known directives, the labels {@code local} and the seed's profile,
   * and one KERNEL and one APPEND, the kernel under {@code /images/linux-nfs1/}.
   */
  static void pxelinuxHasOnlyTheSeedEntries(Sandbox box) {
    List<Path> files = new ArrayList<>();
    for (String tree : List.of("/pxelinux.cfg", "/efi64/pxelinux.cfg")) {
      Path dir = box.file(Sandbox.TFTP + tree);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> list = Files.list(dir)) {
          files.addAll(list.toList());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    assertThat(files).as("pxelinux files written").isNotEmpty();
    for (Path file : files) {
      List<String[]> directives =
          Sandbox.read(file)
              .lines()
              .map(String::strip)
              .filter(l -> !l.isEmpty() && !l.startsWith("#"))
              .map(l -> l.split("\\s+", 2))
              .toList();
      String what = file + ":\n" + Sandbox.read(file);
      assertThat(directives)
          .as("only netroot's directives in " + what)
          .allSatisfy(d -> assertThat(PXELINUX_KEYWORDS).contains(d[0].toUpperCase()));
      assertThat(arguments(directives, "LABEL"))
          .as("labels in " + what)
          .isSubsetOf("local", "nfs-centos55");
      assertThat(arguments(directives, "KERNEL"))
          .as("kernels in " + what)
          .singleElement()
          .satisfies(k -> assertThat(k).startsWith("/images/linux-nfs1/"));
      assertThat(arguments(directives, "APPEND")).as("APPEND lines in " + what).hasSize(1);
    }
  }

  private static List<String> arguments(List<String[]> directives, String keyword) {
    return directives.stream()
        .filter(d -> d[0].equalsIgnoreCase(keyword))
        .map(d -> d.length > 1 ? d[1] : "")
        .toList();
  }

  /** Each export line of {@code /etc/exports} is the seed's image, and there is one. */
  static void exportsHasOnlyTheSeedExport(Sandbox box) {
    Path exports = box.file("/etc/exports");
    List<String> lines =
        Sandbox.read(exports)
            .lines()
            .filter(l -> !l.isBlank() && !l.strip().startsWith("#"))
            .toList();
    assertThat(lines)
        .as("export lines of " + exports + ":\n" + Sandbox.read(exports))
        .singleElement()
        .satisfies(l -> assertThat(l).startsWith(Sandbox.IMAGE + " "));
  }

  /** {@code ganesha.conf}, quoted strings left out, has {@code exports} EXPORT blocks. */
  static void ganeshaHasBlocks(Sandbox box, int exports, int clients) {
    Path conf = box.file("/etc/ganesha/ganesha.conf");
    String text = QUOTED.matcher(Sandbox.read(conf)).replaceAll("\"\"");
    String what = conf + ":\n" + Sandbox.read(conf);
    assertThat(count(text, "\\bEXPORT\\s*\\{")).as("EXPORT blocks in " + what).isEqualTo(exports);
    assertThat(count(text, "\\bCLIENT\\s*\\{")).as("CLIENT blocks in " + what).isEqualTo(clients);
  }

  private static long count(String text, String regex) {
    return Pattern.compile(regex).matcher(text).results().count();
  }

  /**
   * Sources Debian's {@code /etc/default/tftpd-hpa} as its init script does (in a confined sh):
   * {@code TFTP_DIRECTORY} is exactly {@code tftpRoot}, {@code TFTP_OPTIONS} stays unset, and no
   * command ran (it would have created {@code T/victims/pwned}).
   */
  static void tftpdDefaultsSetOnlyTheDirectory(Sandbox box, String tftpRoot) {
    Path defaults = box.file("/etc/default/tftpd-hpa");
    Confined.Run sourced =
        box.confined(
            Duration.ofSeconds(30),
            List.of(
                "sh",
                "-c",
                ". \"$1\"; printf '%s\\n' \"$TFTP_DIRECTORY\"; printf 'options=%s\\n' \"$TFTP_OPTIONS\"",
                "sh",
                defaults.toString()));
    String what = defaults + ":\n" + Sandbox.read(defaults) + sourced.show();
    assertThat(sourced.exit()).as("sh sources " + what).isZero();
    assertThat(sourced.out()).as("what sh reads from " + what).isEqualTo(tftpRoot + "\noptions=\n");
    assertThat(box.victims.resolve("pwned")).as("a command ran from " + what).doesNotExist();
  }

  /** The Fedora drop-in: comments, {@code [Service]} and the two {@code ExecStart=} lines only. */
  static void tftpDropInOnlySetsExecStart(Sandbox box) {
    Path dropIn = box.file("/etc/systemd/system/tftp.service.d/netroot.conf");
    List<String> lines =
        Sandbox.read(dropIn).lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    assertThat(lines)
        .as(dropIn + ":\n" + Sandbox.read(dropIn))
        .hasSize(3)
        .first()
        .isEqualTo("[Service]");
    assertThat(lines.subList(1, 3)).allSatisfy(l -> assertThat(l).startsWith("ExecStart="));
  }
}
