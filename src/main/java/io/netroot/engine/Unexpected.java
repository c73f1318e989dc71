package io.netroot.engine;

import io.netroot.state.Backups;

/**
 * A file in a directory netroot owns that no spec produces and netroot never wrote.
 *
 * @param path its server path
 * @param pruned whether this pass removed it ({@code apply --prune})
 * @param backup the copy kept before removing it, else null
 */
public record Unexpected(String path, boolean pruned, Backups.Entry backup) {}
