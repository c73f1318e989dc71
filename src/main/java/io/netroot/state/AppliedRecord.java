package io.netroot.state;

import io.netroot.catalog.Resource.StateKind;
import io.netroot.os.Sha256;

/**
 * What netroot last wrote for one resource: enough to tell a hand edit from a spec change and to
 * show what the hand edit changed.
 *
 * @param path the managed path
 * @param kind whole file or block
 * @param sha256 hash of the managed content as written
 * @param content the managed content when it is text, else {@code null}
 */
public record AppliedRecord(String path, StateKind kind, Sha256 sha256, String content) {}
