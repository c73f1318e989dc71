package io.netroot.render;

import io.netroot.spec.Host;
import io.netroot.spec.Network;
import io.netroot.spec.SpecDocument;

/**
 * The spec values the Kea and dnsmasq renderers write, each checked again here against what the
 * file can hold as data, whatever the spec layer let through: names (in Kea comments and dnsmasq
 * tags, where a comma or a line break would start another field or directive), MAC addresses, and
 * the domain name (a Kea option value is split at commas; a dnsmasq value at commas, and a value of
 * digits and dots is read as an address).
 */
final class DhcpValues {

  /** The most bytes a DHCP option carries (RFC 2132: a one-byte length). */
  static final int MAX_OPTION_BYTES = 255;

  private DhcpValues() {}

  /** Letters, digits, {@code .}, {@code _} and {@code -}: the characters of a metadata name. */
  private static boolean isNameCharacter(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '_'
        || c == '-';
  }

  /**
   * A document's name as a word of the file: letters, digits, {@code . _ -} only.
   *
   * @param effect what another character would do there, for the refusal
   */
  static String name(SpecDocument document, String file, String effect) {
    String name = document.name();
    SafeText.nonEmpty(document, "metadata.name", name, file, effect);
    return SafeText.check(
        document,
        "metadata.name",
        name,
        file,
        c -> isNameCharacter(c) ? null : describe(c) + " " + effect);
  }

  /** A host's MAC address: six pairs of lowercase hex digits, with colons. */
  static String mac(Host host, String file) {
    String text = host.mac().text();
    if (!text.matches("[0-9a-f]{2}(:[0-9a-f]{2}){5}")) {
      throw UnsafeValueException.refuse(
          host, "spec.mac", text, file, "it is not six hex pairs separated by colons");
    }
    return text;
  }

  /**
   * A network's domain name: labels of letters, digits and {@code -}, separated by dots, at most
   * the {@value #MAX_OPTION_BYTES} bytes a DHCP option holds.
   */
  static String domainName(Network network, String file) {
    String name = network.domainName();
    SafeText.check(
        network,
        "spec.domainName",
        name,
        file,
        c ->
            (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '-'
                ? null
                : describe(c)
                    + " has no place in a domain name, and the file would read it as"
                    + " syntax");
    if (name.length() > MAX_OPTION_BYTES) {
      throw UnsafeValueException.refuse(
          network,
          "spec.domainName",
          name,
          file,
          "it is "
              + name.length()
              + " bytes long and a DHCP option holds at most "
              + MAX_OPTION_BYTES);
    }
    return SafeText.nonEmpty(network, "spec.domainName", name, file, "would send an empty option");
  }

  private static String describe(char c) {
    return SafeText.isLineBreakOrControl(c)
        ? SafeText.lineBreakOrControl(c, "").strip()
        : c == ' ' ? "a space" : "\"" + c + "\" (" + SafeText.codePoint(c) + ")";
  }
}
