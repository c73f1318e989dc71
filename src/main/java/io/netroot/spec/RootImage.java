package io.netroot.spec;

/**
 * A directory on the boot server that clients mount as their root filesystem.
 *
 * <pre>{@code
 * apiVersion: netroot/v1
 * kind: RootImage
 * metadata: {name: cent55}
 * spec:
 *   path: /storage/diskless/cent55_root
 * }</pre>
 *
 * @param path absolute path on the boot server
 */
public record RootImage(String name, String path, Origin origin) implements SpecDocument {}
