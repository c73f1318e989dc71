package io.netroot.os;

import java.util.List;
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
   * @param ownPart the part of it netroot writes (its block), to tell a clash with netroot's own
   *     declarations from an old fault of the admin's lines
   */
  Verdict check(byte[] candidate, String ownPart);

  /**
   * What the checker said: refused with its reasons, or accepted, with the warnings it gave.
   *
   * @param refusal the reasons, in the checker's own words; empty when accepted
   */
  record Verdict(Optional<String> refusal, List<String> warnings) {

    public static Verdict accepted(List<String> warnings) {
      return new Verdict(Optional.empty(), List.copyOf(warnings));
    }

    public static Verdict refused(String reasons) {
      return new Verdict(Optional.of(reasons), List.of());
    }
  }
}
