package io.netroot.check;

/**
 * One line of {@code agent check}: what was checked, how it stands, and for a failure what fixes
 * it.
 *
 * @param status ok, failed, or skipped (cannot be checked here, and why)
 * @param subject what was checked: {@code service isc-dhcp-server}
 * @param detail what was found
 * @param fix what to do, for a failure; else null
 */
public record Check(Status status, String subject, String detail, String fix) {

  /** How a check came out. */
  public enum Status {
    OK,
    FAIL,
    SKIP;

    /** The word shown: {@code ok}, {@code FAIL}, {@code skip}. */
    public String word() {
      return this == FAIL ? "FAIL" : name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  static Check ok(String subject, String detail) {
    return new Check(Status.OK, subject, detail, null);
  }

  static Check fail(String subject, String detail, String fix) {
    return new Check(Status.FAIL, subject, detail, fix);
  }

  static Check skip(String subject, String why) {
    return new Check(Status.SKIP, subject, why, null);
  }
}
