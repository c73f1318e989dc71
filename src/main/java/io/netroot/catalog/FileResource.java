package io.netroot.catalog;

import io.netroot.NetrootException;
import io.netroot.os.AtomicFile;
import io.netroot.os.FileModes;
import io.netroot.os.ModeAndOwner;
import io.netroot.os.RootFs;
import java.io.IOException;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A resource kept in a file of the boot server, whose mode and owner are part of its desired state:
 * a daemon that cannot read the file is as broken as one that reads the wrong text. What the last
 * {@link #observe} saw is kept until the next one, as the content is.
 */
abstract class FileResource extends BaseResource {

  /** How the file seen by the last observe differs in mode and owner, or null. */
  private AttributeChange seen;

  FileResource(
      ResourceId id,
      StateKind stateKind,
      String path,
      String description,
      List<ResourceId> dependsOn,
      List<ServiceAction> notifies) {
    super(id, stateKind, path, description, dependsOn, notifies);
  }

  /** The mode and owner the file must have, given what it has. */
  abstract ModeAndOwner wanted(ModeAndOwner found);

  /**
   * What a file others edit too must have: netroot's user as its owner, and nobody else able to
   * write it (no write bit for others, nor for a group other than netroot's), since the daemon that
   * reads it runs as root. The group and the other bits stay as the admin chose them.
   */
  static ModeAndOwner writableOnlyByRoot(ModeAndOwner found) {
    ModeAndOwner process = ModeAndOwner.ofProcess(found.mode());
    int mode = found.mode() & ~0002;
    if (found.gid() != process.gid()) {
      mode &= ~0020;
    }
    return new ModeAndOwner(mode, process.uid(), found.gid());
  }

  /**
   * Notes the mode and owner of the regular file the caller just read at {@link #path}; with {@code
   * false}, that there is none (absent, or a link: both are rewritten whole anyway).
   */
  final void sawFile(RootFs root, boolean regularFile) {
    seen = null;
    if (!regularFile) {
      return;
    }
    try {
      seen =
          ModeAndOwner.of(root.resolve(path()))
              .flatMap(found -> AttributeChange.between(found, wanted(found)))
              .orElse(null);
    } catch (IOException e) {
      throw new NetrootException(
          "cannot read the mode and owner of " + path() + ": " + AtomicFile.describe(e), e);
    }
  }

  @Override
  public final Optional<AttributeChange> attributeChange() {
    return Optional.ofNullable(seen);
  }

  /**
   * The mode a rewrite of the file gets: the one it must have when the last observe found it wrong,
   * else {@code fallback}. The owner needs nothing: a rewritten file belongs to netroot's user.
   */
  final Set<PosixFilePermission> modeForRewrite(Set<PosixFilePermission> fallback) {
    return seen != null ? FileModes.of(seen.wanted().mode()) : fallback;
  }

  @Override
  public final void fixAttributes(RootFs root, AttributeChange change) {
    int slash = path().lastIndexOf('/');
    String parent = slash <= 0 ? "/" : path().substring(0, slash);
    if (!root.isDirectory(parent)) {
      throw new NetrootException(
          "cannot set the mode and owner of "
              + path()
              + ": "
              + parent
              + " is not a directory reached without a symbolic link");
    }
    try {
      change.wanted().applyTo(root.resolve(path()));
    } catch (IOException e) {
      throw new NetrootException(
          "cannot set the mode and owner of " + path() + ": " + AtomicFile.describe(e), e);
    }
  }
}
