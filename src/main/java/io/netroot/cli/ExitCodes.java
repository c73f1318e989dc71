package io.netroot.cli;

/** Exit codes a script can rely on; 2 follows Terraform's {@code -detailed-exitcode}. */
final class ExitCodes {
  static final int OK = 0;
  static final int ERROR = 1;
  static final int CHANGES = 2;

  private ExitCodes() {}
}
