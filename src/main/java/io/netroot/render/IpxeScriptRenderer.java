package io.netroot.render;

import io.netroot.spec.BootServer;
import io.netroot.spec.Host;
import io.netroot.spec.Kernel;
import io.netroot.spec.Profile;
import io.netroot.spec.RootImage;
import io.netroot.spec.SpecDocument;
import io.netroot.spec.SpecSet;

/**
 * The iPXE scripts in the HTTP root: one per host of a {@code loader: ipxe} profile ({@code
 * ipxe/01-<mac>.ipxe}), which loads the profile's kernel and initrd over HTTP with the same kernel
 * command line as the host's pxelinux file ({@link KernelCommandLine}, then {@code BOOTIF=} as
 * pxelinux's {@code IPAPPEND 2} adds it), and {@code ipxe/boot.ipxe}, which chains a host's script
 * by the MAC iPXE booted from.
 *
 * <p>iPXE reads a script line by line and splits a line into words at blanks; before that it
 * expands {@code ${…}} settings, and it reads quotes, backslashes, {@code ||}, {@code &&} and
 * {@code #} as syntax. No spec value may hold any of them ({@link #IPXE_WORD}), so each stays one
 * word of data; the file names in URLs are further held to characters a URL path carries as they
 * are. A value that does not fit is refused, never altered.
 */
public final class IpxeScriptRenderer {

  static final String FILE = "iPXE script";

  /** The second line of every script netroot writes; the first is iPXE's {@code #!ipxe}. */
  static final String NOTICE = "# managed by netroot, edit the specs: changes here are reverted\n";

  /**
   * The name the initrd is registered under in iPXE, which the EFI stub finds by {@code initrd=}.
   */
  static final String INITRD_NAME = "initrd.img";

  private static final String SYNTAX = "iPXE would read it as script syntax, not as data";

  /** What one word of an iPXE command may hold as data. */
  static final SafeText.Rule IPXE_WORD =
      c -> {
        if (SafeText.isLineBreakOrControl(c)) {
          return SafeText.lineBreakOrControl(
              c, "would end the line, and iPXE would run what follows as a command");
        }
        if (c == ' ') {
          return "a space would split it into two words";
        }
        if (c >= 0x7f) {
          return "a character outside ASCII (" + SafeText.codePoint(c) + ") " + SYNTAX;
        }
        return switch (c) {
          case '$' -> "'$' would start the expansion of an iPXE setting (${...})";
          case '"', '\'' -> "a quote " + SYNTAX + " and would join the words after it";
          case '\\' -> "a backslash would escape the character after it";
          case '|', '&', ';' -> "'" + c + "' " + SYNTAX + " (|| and && join commands)";
          case '#' -> "'#' " + SYNTAX;
          default -> null;
        };
      };

  /** What a file name in a URL path may hold: unreserved and a few sub-delimiters (RFC 3986). */
  private static final SafeText.Rule URL_PATH =
      c -> {
        boolean plain =
            (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "-._~+=,@:".indexOf(c) >= 0;
        return plain
            ? null
            : "'"
                + c
                + "' ("
                + SafeText.codePoint(c)
                + ") has a meaning in a URL or an iPXE script; rename the file with letters,"
                + " digits and - . _ ~ + = , @ :";
      };

  private static final SafeText.Rule COMMENT =
      c ->
          SafeText.isLineBreakOrControl(c)
              ? SafeText.lineBreakOrControl(
                  c, "would end the comment, and iPXE would run what follows as a command")
              : null;

  private final SpecSet specs;

  public IpxeScriptRenderer(SpecSet specs) {
    this.specs = specs;
  }

  /**
   * {@code ipxe/01-<mac>.ipxe}: loads the kernel and initrd of the host's profile and boots.
   *
   * @throws UnsafeValueException when a value of the host, its profile, kernel or root image cannot
   *     be written as data
   */
  public String host(Host host) {
    BootServer server = specs.server();
    BootServer.Http http = server.http();
    Profile profile = specs.profileOf(host);
    Kernel kernel = specs.kernelsByName().get(profile.kernel());
    RootImage image = specs.rootImagesByName().get(profile.rootImage());
    StringBuilder out = new StringBuilder(512);
    out.append("#!ipxe\n").append(NOTICE);
    out.append("# host ")
        .append(SafeText.check(host, "metadata.name", host.name(), FILE, COMMENT))
        .append(", profile ")
        .append(SafeText.check(profile, "metadata.name", profile.name(), FILE, COMMENT))
        .append('\n');
    String initrd = TftpLayout.kernelInitrd(kernel);
    out.append("kernel ")
        .append(IpxeLayout.url(http, file(kernel, TftpLayout.kernelImage(kernel))));
    if (initrd != null) {
      // the EFI stub of the kernel loads the initrd iPXE registered under this name
      out.append(" initrd=").append(INITRD_NAME);
    }
    String commandLine = KernelCommandLine.of(server, profile, image, kernel.rootMethod());
    checkValues(profile, image);
    out.append(' ').append(commandLine);
    // pxelinux's IPAPPEND 2: the NIC the system booted from, 01 (Ethernet) and its MAC
    out.append(" BOOTIF=").append(host.mac().pxelinuxConfigName()).append('\n');
    if (initrd != null) {
      out.append("initrd --name ")
          .append(INITRD_NAME)
          .append(' ')
          .append(IpxeLayout.url(http, file(kernel, initrd)))
          .append('\n');
    }
    out.append("boot\n");
    return out.toString();
  }

  /**
   * {@code ipxe/boot.ipxe}: chains the script of the host whose MAC iPXE booted from; a MAC with no
   * script (a host that is not a {@code loader: ipxe} host) returns to the firmware, which tries
   * its next boot device. Only netroot's own text and iPXE's settings are in it.
   */
  public String boot() {
    BootServer.Http http = specs.server().http();
    String script = IpxeLayout.url(http, IpxeLayout.DIR + "/01-${netX/mac:hexhyp}.ipxe");
    return "#!ipxe\n"
        + NOTICE
        + "# each loader: ipxe host has its own script, named by its MAC as pxelinux.cfg/01-<mac>\n"
        + "chain --autofree "
        + script
        + " || goto none\n"
        + "exit\n"
        + ":none\n"
        + "echo netroot: no iPXE script for ${netX/mac} on this boot server\n"
        + "exit 1\n";
  }

  /**
   * Each spec value the kernel command line holds, against iPXE's syntax; {@link KernelCommandLine}
   * has already held them to one argument of the kernel's.
   */
  private static void checkValues(Profile profile, RootImage image) {
    word(image, "spec.path", image.path());
    for (int i = 0; i < profile.nfsOptions().size(); i++) {
      word(profile, "spec.nfsOptions." + i, profile.nfsOptions().get(i));
    }
    for (int i = 0; i < profile.kernelArgs().size(); i++) {
      word(profile, "spec.kernelArgs." + i, profile.kernelArgs().get(i));
    }
  }

  private static void word(SpecDocument document, String field, String value) {
    SafeText.check(document, field, value, FILE, IPXE_WORD);
  }

  /**
   * A kernel or initrd path below the HTTP root, {@code images/<kernel name>/<file name>}: each of
   * its names checked as part of a URL path.
   */
  private static String file(Kernel kernel, String path) {
    SafeText.check(kernel, "metadata.name", kernel.name(), FILE, URL_PATH);
    String name = path.substring(path.lastIndexOf('/') + 1);
    String field =
        kernel.fromImage() != null
            ? "spec.fromImage"
            : path.equals(TftpLayout.kernelImage(kernel)) ? "spec.image" : "spec.initrd";
    SafeText.check(kernel, field, name, FILE, URL_PATH);
    return path;
  }
}
