package io.netroot.os;

/**
 * What netroot finds at a path it manages, looked at without following a symbolic link: nothing, a
 * file's bytes, or a link (whose target is never read).
 */
public sealed interface Found {

  /** Nothing is there. */
  record Nothing() implements Found {}

  /** A file, and its bytes. */
  record File(byte[] bytes) implements Found {}

  /**
   * A symbolic link, described by where it points; what it points to is not read.
   *
   * @param target the link's target as stored in the link
   */
  record Link(String target) implements Found {}
}
