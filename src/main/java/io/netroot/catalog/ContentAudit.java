package io.netroot.catalog;

import java.util.List;

/**
 * A check of a file's desired content made on every pass, apart from whether the file changes: its
 * warnings go into the pass's report, and a {@link io.netroot.NetrootException} fails the resource
 * before anything is written.
 */
@FunctionalInterface
interface ContentAudit {

  /** The audit of files that need none. */
  ContentAudit NONE = content -> List.of();

  /**
   * @return the warnings, one line each
   * @throws io.netroot.NetrootException when the content must not be installed
   */
  List<String> check(Content content);
}
