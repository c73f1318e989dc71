package io.netroot.catalog;

import io.netroot.NetrootException;

/**
 * A resource's desired content comes from something another resource makes in the same pass (a
 * kernel published from a root image that is still to be built). A plan shows the resource as
 * changing once that is made; an apply that gets here anyway fails the resource with this message.
 */
public final class ContentNotReadyException extends NetrootException {

  public ContentNotReadyException(String message) {
    super(message);
  }
}
