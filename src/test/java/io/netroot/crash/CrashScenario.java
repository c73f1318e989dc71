package io.netroot.crash;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a killed apply starts from and where an uninterrupted one ends: the harness kills {@code
 * agent apply --specs SPECS} at a random moment of {@link #applyTime} over a copy of {@link
 * #start}, and every file must then be as in {@link #before} or as in {@link #expected}.
 *
 * @param name "from empty" or "over an older tree"
 * @param specs the specs the killed apply applies
 * @param start the root to copy before each trial, or {@code null} for an empty root
 * @param before the tree of {@code start}
 * @param expected the tree an uninterrupted apply leaves over {@code start}
 * @param applyTime how long that uninterrupted apply took, JVM start included
 * @param handEdits the hand edits {@code start} holds, which must never be lost
 */
record CrashScenario(
    String name,
    Path specs,
    Path start,
    TreeSnapshot before,
    TreeSnapshot expected,
    Duration applyTime,
    List<HandEdit> handEdits) {

  /**
   * A hand edit in a managed file of the starting tree.
   *
   * @param path the file, relative to the root
   * @param editedSha256 the sha256 of the file with the edit: a backup must hold these bytes once
   *     netroot has replaced them
   * @param keptLine a line apply keeps in the file (outside netroot's block), or {@code null} when
   *     apply replaces the edit and keeps it in a backup
   */
  record HandEdit(String path, String editedSha256, String keptLine) {
    String serverPath() {
      return "/" + path;
    }
  }
}
