package io.netroot.spec;

import java.util.regex.Pattern;

/**
 * The grammar of a service name ({@code dhcp.service}, {@code nfs.service}, {@code tftp.service},
 * {@code RootImage.disableServices}): a systemd unit name, optionally with its type suffix ({@code
 * cups}, {@code cups.service}, {@code tftp.socket}, {@code getty@tty1}). The name is passed to
 * {@code systemctl}, becomes a file name under {@code /etc/systemd/system/} and {@code
 * /etc/init.d/} in a root image, and names a drop-in directory; so no {@code /}, no {@code ..}, and
 * no leading {@code -}, which a command would read as an option.
 */
final class ServiceName {

  /** systemd's {@code UNIT_NAME_MAX}. */
  static final int MAX_LENGTH = 255;

  private static final Pattern UNIT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@:-]*");

  static final Grammar GRAMMAR = ServiceName::problem;

  private ServiceName() {}

  static String problem(String value) {
    if (value.isEmpty()) {
      return "is empty; give a service name such as nfs-server";
    }
    if (value.length() > MAX_LENGTH) {
      return "is longer than " + MAX_LENGTH + " characters";
    }
    if (!UNIT.matcher(value).matches() || value.contains("..")) {
      int refused =
          Grammar.firstRefused(value, c -> Grammar.isAsciiAlnum(c) || "_.@:-".indexOf(c) >= 0);
      return (refused >= 0 ? "contains " + Grammar.describe(refused) : "is not a service name")
          + "; a service name is letters, digits and _ . @ : -, starting with a letter or digit,"
          + " without .. (such as nfs-server or nfs-server.service)";
    }
    return null;
  }
}
