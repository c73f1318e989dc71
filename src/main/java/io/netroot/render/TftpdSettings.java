package io.netroot.render;

import io.netroot.spec.BootServer;

/**
 * The TFTP root as the TFTP daemon's own settings hold it, quoted for the reader of each file.
 *
 * <ul>
 *   <li>Debian's {@code /etc/default/tftpd-hpa} is sourced by a shell (the init script, run as
 *       root), which then passes {@code $TFTP_DIRECTORY} to {@code in.tftpd} unquoted. The value is
 *       written in double quotes with {@code \}, {@code "}, {@code $} and {@code `} escaped, so the
 *       shell expands nothing; blanks and glob characters are refused, because the unquoted use
 *       would split the value into several directories or options, or expand it to file names.
 *   <li>Fedora's {@code tftp.service} drop-in holds an {@code ExecStart=} line, which systemd
 *       splits into words and in which it expands {@code %} specifiers and {@code $} variables. The
 *       value has {@code %} and {@code $} doubled, and is double-quoted with {@code \} and {@code
 *       "} escaped when it holds anything beyond the characters of a plain path.
 * </ul>
 *
 * <p>Both refuse line breaks and other control characters (a new line would be a new setting:
 * {@code TFTP_OPTIONS="--create"}, {@code ExecStartPre=}) and a value that does not start with
 * {@code /}, which {@code in.tftpd} would read as an option.
 */
public final class TftpdSettings {

  static final String DEBIAN_FILE = "/etc/default/tftpd-hpa";
  static final String SYSTEMD_FILE = "the tftp.service drop-in";
  static final String FIELD = "spec.tftpRoot";

  private static final SafeText.Rule SHELL =
      c -> {
        if (SafeText.isLineBreakOrControl(c)) {
          return SafeText.lineBreakOrControl(c, "would end the assignment and start a new line");
        }
        return switch (c) {
          case ' ' ->
              "the init script passes $TFTP_DIRECTORY unquoted: a space would split it"
                  + " into two directories, or a directory and an option";
          case '*', '?', '[' ->
              "the init script passes $TFTP_DIRECTORY unquoted: '"
                  + c
                  + "' would be expanded to the names of matching files";
          case '#', ';' ->
              "netroot reads this file back as KEY=value lines, where '" + c + "' starts a comment";
          default -> null;
        };
      };

  private static final SafeText.Rule SYSTEMD =
      c ->
          SafeText.isLineBreakOrControl(c)
              ? SafeText.lineBreakOrControl(
                  c, "would end the ExecStart= line and start a new unit setting")
              : null;

  private TftpdSettings() {}

  /**
   * The value of {@code TFTP_DIRECTORY=} in {@code /etc/default/tftpd-hpa}, quotes included: {@code
   * "/srv/tftp"}.
   *
   * @param server where the TFTP root was written, for a refusal's message
   * @throws UnsafeValueException when the shell would read the directory as anything else
   */
  public static String shellValue(BootServer server, String tftpRoot) {
    absolute(server, tftpRoot, DEBIAN_FILE);
    SafeText.check(server, FIELD, tftpRoot, DEBIAN_FILE, SHELL);
    StringBuilder out = new StringBuilder(tftpRoot.length() + 2).append('"');
    for (int i = 0; i < tftpRoot.length(); i++) {
      char c = tftpRoot.charAt(i);
      // The four characters that keep a meaning inside double quotes (POSIX 2.2.3).
      if (c == '\\' || c == '"' || c == '$' || c == '`') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.append('"').toString();
  }

  /**
   * The TFTP root as one word of a systemd {@code ExecStart=} line: bare when it is a plain path,
   * else in double quotes; {@code %} and {@code $} doubled either way.
   *
   * @param server where the TFTP root was written, for a refusal's message
   * @throws UnsafeValueException when systemd would read the directory as anything else
   */
  public static String systemdWord(BootServer server, String tftpRoot) {
    absolute(server, tftpRoot, SYSTEMD_FILE);
    SafeText.check(server, FIELD, tftpRoot, SYSTEMD_FILE, SYSTEMD);
    boolean quote = false;
    StringBuilder word = new StringBuilder(tftpRoot.length() + 8);
    for (int i = 0; i < tftpRoot.length(); i++) {
      char c = tftpRoot.charAt(i);
      quote |= !isPlain(c);
      switch (c) {
        case '%' -> word.append("%%");
        case '$' -> word.append("$$");
        case '\\' -> word.append("\\\\");
        case '"' -> word.append("\\\"");
        default -> word.append(c);
      }
    }
    return quote ? "\"" + word + "\"" : word.toString();
  }

  /** Characters systemd reads literally in an unquoted word (after {@code %}, {@code $}). */
  private static boolean isPlain(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "/._-+:@,=%$".indexOf(c) >= 0;
  }

  private static void absolute(BootServer server, String tftpRoot, String file) {
    if (!tftpRoot.startsWith("/")) {
      throw UnsafeValueException.refuse(
          server,
          FIELD,
          tftpRoot,
          file,
          "it does not start with '/', and in.tftpd would read it as an option or a relative"
              + " directory");
    }
  }
}
