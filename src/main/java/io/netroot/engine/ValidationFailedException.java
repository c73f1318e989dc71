package io.netroot.engine;

import io.netroot.NetrootException;

/** A daemon's own checker rejected a candidate configuration, so it was not installed. */
public final class ValidationFailedException extends NetrootException {

  public ValidationFailedException(String message) {
    super(message);
  }
}
