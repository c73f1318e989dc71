package io.netroot.catalog;

import io.netroot.NetrootException;
import io.netroot.os.AtomicFile;
import io.netroot.os.FileModes;
import io.netroot.os.Found;
import io.netroot.os.ModeAndOwner;
import io.netroot.os.RootFs;
import java.io.IOException;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A resource kept in a file of the boot server, whose mode and owner are part of its desired state:
 * a daemon that cannot read the file is as broken as one that reads the wrong text. What the last
 * {@link #observe} saw is kept until the next one, as the content is.
 *
 * <p>The file is read once per pass. The bytes {@link #observe} read are what the decision, the
 * checker's {@link #candidate}, the backup and the {@link #write} all use; right before it stages
 * the new file, the write looks at the file again and refuses ({@link ChangedOnDiskException}) when
 * it is no longer what was observed, so a hand edit made meanwhile is never overwritten unseen.
 */
abstract class FileResource extends BaseResource {

  /** How the file seen by the last observe differs in mode and owner, or null. */
  private AttributeChange seen;

  /** What the last observe found at {@link #path}, or null when none has yet (or it failed). */
  private Found observed;

  /** The name of this resource's part when the last observe found the file without it, or null. */
  private String missingPart;

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
          root.modeAndOwner(path())
              .flatMap(found -> AttributeChange.between(found, wanted(found)))
              .orElse(null);
    } catch (IOException e) {
      throw new NetrootException(
          "cannot read the mode and owner of " + path() + ": " + AtomicFile.describe(e), e);
    }
  }

  /** Forgets the last observation: called first by each observe, so one that fails leaves none. */
  final void forgetObserved() {
    observed = null;
    seen = null;
    missingPart = null;
  }

  /**
   * Notes that this observe found a regular file at {@link #path} holding none of this resource's
   * part, called {@code part} for people.
   */
  final void partMissing(String part) {
    missingPart = part;
  }

  @Override
  public final Optional<String> missingFromExistingFile() {
    return Optional.ofNullable(missingPart);
  }

  /**
   * Notes what this observe found at {@link #path}: what the candidate and the write start from.
   */
  final void observed(Found found) {
    observed = found;
  }

  /** What the last observe found at {@link #path}; null when this resource was not observed. */
  final Found lastObserved() {
    return observed;
  }

  @Override
  public final Optional<Found> observedFile() {
    return Optional.ofNullable(observed);
  }

  /**
   * Refuses the write when the file is no longer what the last observe found: a re-read, compared
   * byte for byte (the cheapest check that cannot miss an edit within one timestamp tick). Without
   * an observation (a resource written directly, never observed) there is nothing to compare.
   *
   * @throws ChangedOnDiskException when the file changed, appeared, vanished or became a link
   */
  final void refuseIfChanged(RootFs root) {
    if (observed == null) {
      return;
    }
    Found now;
    try {
      now = root.look(path());
    } catch (IOException e) {
      throw new NetrootException("cannot read " + path() + ": " + AtomicFile.describe(e), e);
    }
    if (!same(observed, now)) {
      throw new ChangedOnDiskException(path());
    }
  }

  /** The observation is used up once the file is rewritten: the next pass observes again. */
  final void wrote() {
    observed = null;
    missingPart = null;
  }

  private static boolean same(Found before, Found now) {
    if (before instanceof Found.File was && now instanceof Found.File is) {
      return Arrays.equals(was.bytes(), is.bytes());
    }
    if (before instanceof Found.Link was && now instanceof Found.Link is) {
      return was.target().equals(is.target());
    }
    return before instanceof Found.Nothing && now instanceof Found.Nothing;
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
