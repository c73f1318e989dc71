package io.netroot.state;

import io.netroot.catalog.Resource.StateKind;

/**
 * What netroot last wrote for one resource: enough to tell a hand edit from a spec change and to
 * show what the hand edit changed.
 *
 * @param path the managed path
 * @param kind whole file or block
 * @param sha256 hash of the managed content as written
 * @param content the managed content when it is text, else {@code null}
 */
public record AppliedRecord(String path, StateKind kind, String sha256, String content) {}
