package io.netroot.os;

import java.util.Optional;

/**
 * A daemon's own syntax check, run on a candidate file before it is installed, so that a service is
 * never restarted onto a configuration it would reject.
 */
public interface ConfigChecker {

  /** The command shown to the user, for example {@code dhcpd -t -cf}. */
  String name();

  /** Whether the checking program is installed; when it is not, the file is installed unchecked. */
  boolean available();

  /**
   * Checks a complete candidate file.
   *
   * @return empty when accepted, otherwise the checker's complaint
   */
  Optional<String> check(byte[] candidate);
}
