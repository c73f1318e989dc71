package io.netroot.check;

import io.netroot.catalog.ServerLayout;
import io.netroot.os.Found;
import io.netroot.os.RootFs;
import io.netroot.os.ShellSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The interfaces Debian's isc-dhcp-server is told to answer on: {@code INTERFACESv4} in {@code
 * /etc/default/isc-dhcp-server}. Empty (unset) means dhcpd chooses itself.
 */
final class DhcpInterfaces {

  static final String FILE = "/etc/default/isc-dhcp-server";

  private DhcpInterfaces() {}

  /** The interfaces named, when the server is ISC dhcpd and the file names some. */
  static Optional<List<String>> configured(RootFs root, ServerLayout layout) {
    if (!layout.dhcpService().contains("isc-dhcp")) {
      return Optional.empty();
    }
    Found found;
    try {
      found = root.look(FILE);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (!(found instanceof Found.File file)) {
      return Optional.empty();
    }
    return parse(new String(file.bytes(), StandardCharsets.UTF_8));
  }

  /** The last {@code INTERFACESv4=} of the text, split at blanks; empty when unset or blank. */
  static Optional<List<String>> parse(String text) {
    return ShellSettings.value(text, "INTERFACESv4")
        .filter(v -> !v.isBlank())
        .map(v -> Arrays.asList(v.trim().split("\\s+")));
  }
}
