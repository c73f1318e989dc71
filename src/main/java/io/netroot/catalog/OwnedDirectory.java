package io.netroot.catalog;

/**
 * A directory whose every file netroot produces ({@code pxelinux.cfg/}, {@code images/}): any other
 * file in it is reported, and removed by {@code apply --prune}.
 *
 * @param path the directory as the boot server sees it
 */
public record OwnedDirectory(String path) {}
