package io.netroot.render;

import io.netroot.NetrootException;

/**
 * A file's netroot block markers are broken (a BEGIN without its END, an END without its BEGIN, or
 * two blocks), so netroot cannot tell which part of the file it owns and refuses to edit it.
 */
public final class MalformedBlockException extends NetrootException {

  public MalformedBlockException(String message) {
    super(message);
  }
}
