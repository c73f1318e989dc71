package io.netroot.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The mode and owner of a file: what {@code lstat} shows, or what a managed file must have. Read
 * and changed without following a symbolic link ({@code lchown}, and {@code fchmod} on a descriptor
 * opened with {@code O_NOFOLLOW}).
 *
 * @param mode the permission, set-id and sticky bits ({@code 0644})
 * @param uid the owning user
 * @param gid the owning group
 */
public record ModeAndOwner(int mode, int uid, int gid) {

  private static final int PERMISSION_BITS = 07777;

  public ModeAndOwner {
    mode &= PERMISSION_BITS;
  }

  /**
   * A mode owned by the user and group netroot runs as, the owner every file it creates gets: root
   * on a boot server, the user running it under a root prefix.
   */
  public static ModeAndOwner ofProcess(int mode) {
    return new ModeAndOwner(mode, AccountNames.processUid(), AccountNames.processGid());
  }

  /**
   * The mode and owner of the regular file at {@code path}, or empty when nothing is there or it is
   * not a regular file (a link is not followed).
   */
  public static Optional<ModeAndOwner> of(Path path) throws IOException {
    Map<String, Object> attributes;
    try {
      attributes = Files.readAttributes(path, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    int mode = (Integer) attributes.get("mode");
    if ((mode & LinuxFlags.S_IFMT) != S_IFREG) {
      return Optional.empty();
    }
    return Optional.of(
        new ModeAndOwner(mode, (Integer) attributes.get("uid"), (Integer) attributes.get("gid")));
  }

  /**
   * Gives the file at {@code path} this owner, then this mode (a change of owner clears set-id
   * bits, so the mode comes last). A symbolic link there is refused, never followed.
   */
  public void applyTo(Path path) throws IOException {
    ModeAndOwner now =
        of(path).orElseThrow(() -> new NoSuchFileException(path.toString(), null, "no file"));
    if (now.uid != uid) {
      Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
    }
    if (now.gid != gid) {
      Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
    }
    Files.setAttribute(path, "unix:mode", mode, LinkOption.NOFOLLOW_LINKS);
  }

  /** The mode in octal, as chmod takes it: {@code 0644}. */
  public String modeText() {
    return String.format("%04o", mode);
  }

  /** The owner as chown takes it, by name where this machine has one: {@code root:root}. */
  public String ownerText() {
    return AccountNames.user(uid) + ":" + AccountNames.group(gid);
  }

  private static final int S_IFREG = 0100000;
}
