package io.netroot.spec;

import java.util.regex.Pattern;

/**
 * The grammar of a DNS name (RFC 1123): dot-separated labels of letters, digits and inner dashes,
 * at most 63 characters each and 253 in all. Used for {@code Network.domainName} (written into
 * {@code option domain-name} in dhcpd.conf and handed to every client) and for host names in export
 * clients (one token of an exports line).
 */
final class DnsName {

  static final int MAX_LENGTH = 253;

  private static final Pattern LABEL =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

  static final Grammar DOMAIN =
      value ->
          valid(value)
              ? null
              : "is not a domain name; use labels of letters, digits and inner dashes separated by"
                  + " dots, such as lab.example.org";

  private DnsName() {}

  static boolean valid(String value) {
    if (value.isEmpty() || value.length() > MAX_LENGTH) {
      return false;
    }
    for (String label : value.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }
}
