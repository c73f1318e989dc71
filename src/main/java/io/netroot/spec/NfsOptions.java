package io.netroot.spec;

import java.util.List;
import java.util.Locale;

/**
 * The version and transport a list of NFS mount options asks for.
 *
 * @param version {@code 3}, {@code 4.1}, … from the last {@code vers=} or {@code nfsvers=}, or
 *     {@code null}
 * @param transport {@code udp}, {@code tcp}, {@code proto=…}'s value, or {@code null}
 */
record NfsOptions(String version, String transport) {

  boolean udp() {
    return "udp".equals(transport) || "proto=udp".equals(transport);
  }

  static NfsOptions of(List<String> options) {
    String version = null;
    String transport = null;
    for (String option : options) {
      String lower = option.strip().toLowerCase(Locale.ROOT);
      if (lower.startsWith("vers=") || lower.startsWith("nfsvers=")) {
        version = lower.substring(lower.indexOf('=') + 1);
        if (version.equals("4.0")) {
          version = "4";
        }
      } else if (lower.equals("udp") || lower.equals("tcp")) {
        transport = lower;
      } else if (lower.startsWith("proto=")) {
        transport = lower.equals("proto=udp") ? "proto=udp" : lower.substring(6);
      }
    }
    return new NfsOptions(version, transport);
  }
}
