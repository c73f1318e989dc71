package io.netroot.spec;

import java.util.Set;

/**
 * The grammar of a path on the boot server ({@code tftpRoot}, {@code dhcp.config}, {@code
 * nfs.confFile}, {@code RootImage.path}…). These paths are resolved under the root prefix, written
 * into config files (pxelinux {@code APPEND}, fstab fields, exports lines, tftpd settings and
 * systemd drop-ins) and handed to commands, so they are held to one strict form:
 *
 * <ul>
 *   <li>absolute: a relative path would depend on the agent's working directory;
 *   <li>normalised: no {@code //} (a leading one leaves the root prefix), no {@code .} or {@code
 *       ..} segment, no trailing {@code /}, so that the text names exactly one place and ancestor
 *       checks compare like with like;
 *   <li>ASCII letters, digits, {@code /} and {@code . _ + - @ : = ,} only: no whitespace (it splits
 *       fstab and exports fields and kernel arguments), no control character (a newline starts a
 *       new directive in every format netroot writes), no quote, {@code $}, backtick, {@code \},
 *       {@code ;}, {@code #}, glob or bracket character (shell, systemd and comment syntax).
 * </ul>
 */
final class ServerPath {

  /** Linux's {@code PATH_MAX} less its terminating NUL. */
  static final int MAX_LENGTH = 4095;

  /** Linux's {@code NAME_MAX}. */
  static final int MAX_SEGMENT = 255;

  static final String ALLOWED = "letters, digits, '/' and . _ + - @ : = ,";

  /**
   * The boot server's own system directories. A root image there would have netroot rewrite the
   * server's fstab, {@code /dev} and services; an export of one hands it to clients; a TFTP root
   * there serves it to anyone on the network.
   */
  static final Set<String> SYSTEM_DIRECTORIES =
      Set.of(
          "/", "/bin", "/boot", "/dev", "/etc", "/lib", "/lib64", "/proc", "/run", "/sbin", "/sys",
          "/usr", "/var");

  /** Any path on the boot server. */
  static final Grammar ANY = ServerPath::problem;

  private ServerPath() {}

  /**
   * A directory netroot fills or publishes as a whole (a root image, an export, the TFTP root): a
   * server path that is not one of {@link #SYSTEM_DIRECTORIES}.
   *
   * @param what what the directory is, for the message ("a root image")
   */
  static Grammar ownDirectory(String what) {
    return value -> {
      String problem = problem(value);
      if (problem == null && SYSTEM_DIRECTORIES.contains(value)) {
        return "is "
            + (value.equals("/") ? "the root of the boot server" : "a system directory")
            + "; "
            + what
            + " must be a directory of its own, such as /srv/NAME";
      }
      return problem;
    };
  }

  /**
   * A root image's directory: also no {@code ,} or {@code :}, because the path lands in the
   * kernel's {@code nfsroot=SERVER:PATH,OPTIONS} (a comma starts the mount options) and in dracut's
   * {@code root=nfs:SERVER:PATH:OPTIONS} (a colon starts them).
   */
  static final Grammar ROOT_IMAGE =
      value -> {
        String problem = ownDirectory("a root image").problem(value);
        int refused = Grammar.firstRefused(value, c -> c != ',' && c != ':');
        if (problem == null && refused >= 0) {
          return "contains "
              + Grammar.describe(refused)
              + ", which would start the mount options in the kernel's nfsroot=SERVER:PATH,OPTIONS"
              + " or dracut's root=nfs:SERVER:PATH:OPTIONS; rename the directory";
        }
        return problem;
      };

  static String problem(String value) {
    if (value.isEmpty()) {
      return "is empty; give an absolute path on the boot server, such as /srv/nfsroot";
    }
    if (!value.startsWith("/")) {
      return "must be an absolute path on the boot server (starting with /)";
    }
    if (value.length() > MAX_LENGTH) {
      return "is longer than " + MAX_LENGTH + " characters";
    }
    int refused = Grammar.firstRefused(value, ServerPath::allowed);
    if (refused >= 0) {
      return "contains " + Grammar.describe(refused) + "; a server path may hold only " + ALLOWED;
    }
    if (value.equals("/")) {
      return null;
    }
    if (value.endsWith("/")) {
      return "ends with /; write it without the trailing /";
    }
    for (String segment : value.substring(1).split("/", -1)) {
      if (segment.isEmpty()) {
        return "contains //; write each / once (a leading // leaves the root prefix)";
      }
      if (segment.equals(".") || segment.equals("..")) {
        return "contains a \"" + segment + "\" segment; write the path without . and ..";
      }
      if (segment.length() > MAX_SEGMENT) {
        return "has a name longer than " + MAX_SEGMENT + " characters";
      }
    }
    return null;
  }

  private static boolean allowed(int c) {
    return Grammar.isAsciiAlnum(c) || "/._+-@:=,".indexOf(c) >= 0;
  }
}
