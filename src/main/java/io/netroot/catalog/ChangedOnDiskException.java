package io.netroot.catalog;

import io.netroot.NetrootException;

/**
 * A write refused because its file is no longer what the pass observed: someone changed it while
 * netroot was deciding. Nothing is written and nothing is lost; the next pass observes the file
 * again and decides on what is there then (with a backup, if its managed part is a hand edit).
 */
public final class ChangedOnDiskException extends NetrootException {

  public ChangedOnDiskException(String path) {
    super(path + " changed on disk while netroot was deciding; checked again next pass");
  }
}
