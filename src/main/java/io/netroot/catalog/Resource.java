package io.netroot.catalog;

import io.netroot.os.ConfigChecker;
import io.netroot.os.Found;
import io.netroot.os.RootFs;
import java.util.List;
import java.util.Optional;

/**
 * One small managed thing: it knows its desired content, can observe what is there now, and can
 * make it right. The engine decides <em>whether</em> to act; a resource only knows <em>how</em>.
 * What it shares with a record no spec produces any more (observe, remove) is {@link Removable}.
 */
public interface Resource extends Removable {

  /** Resources that must be right before this one is touched. */
  List<ResourceId> dependsOn();

  /** What services must do when this resource changed. */
  List<ServiceAction> notifies();

  /**
   * The desired content. Called once per pass; may fail (a missing kernel image), which is an error
   * of this resource alone.
   */
  Content desired();

  /**
   * The complete file as it would be after {@link #write}, for a checker to read: built from what
   * the last {@link #observe} read, not from a new read.
   */
  byte[] candidate(RootFs root, Content desired);

  /**
   * Makes the managed part equal to {@code desired}, atomically, from what the last {@link
   * #observe} read. A resource kept in a file first checks that the file is still what was
   * observed.
   *
   * @throws io.netroot.catalog.ChangedOnDiskException when it is not: nothing is written
   */
  void write(RootFs root, Content desired);

  /**
   * What the last {@link #observe} found at {@link #path} (bytes, a link, or nothing), for the
   * backup to keep exactly what the decision saw; empty for a resource that keeps no such
   * observation (the backup then reads the file).
   */
  default Optional<Found> observedFile() {
    return Optional.empty();
  }

  /**
   * The name for people of this resource's part of a file others edit ({@code "block"}, {@code
   * "keys"}) when the last {@link #observe} found that file but none of the part in it: a write
   * then adds to a file that is there rather than creating one. Empty when the part is there, when
   * there is no file, and for a resource that owns its whole file.
   */
  default Optional<String> missingFromExistingFile() {
    return Optional.empty();
  }

  /**
   * What the last {@link #observe} found outside this resource's part of a shared file that the
   * specs own and the write takes over (see {@link io.netroot.adopt.Adoption}); empty for most.
   */
  default Optional<io.netroot.adopt.Adoption> adoption() {
    return Optional.empty();
  }

  /** The daemon's syntax check to run on {@link #candidate} before installing, if any. */
  /**
   * What the last {@link #desired()} found worth a warning of the pass (a kernel a Secure Boot
   * profile boots that carries no signature), one line each; every pass says it again.
   */
  default List<String> warnings() {
    return List.of();
  }

  default Optional<ConfigChecker> checker() {
    return Optional.empty();
  }

  /**
   * Whether the file is copied to the backups before it changes, when its managed part is not what
   * netroot last wrote. False for a resource whose write does not touch its file.
   */
  default boolean backedUp() {
    return true;
  }

  /**
   * How the mode and owner of the file the last {@link #observe} read differ from what they must
   * be; empty when they are right, when there was no file, or for a resource without a file.
   */
  default Optional<AttributeChange> attributeChange() {
    return Optional.empty();
  }

  /**
   * Gives the file the mode and owner {@code change} asks for, without rewriting it and without
   * following a symbolic link: for a file whose content is already right. The engine asks only with
   * a change {@link #attributeChange} gave; a resource without a file gives none, so it has nothing
   * to do here.
   */
  default void fixAttributes(RootFs root, AttributeChange change) {}

  /** How a resource is recorded in the state file. */
  enum StateKind {
    /** A whole file netroot owns. */
    FILE,
    /** A marked block inside a file others edit too. */
    BLOCK,
    /** A service's state (enabled, running); never undone when no spec needs it any more. */
    SERVICE,
    /**
     * Settings netroot sets in a file it does not own (keys of {@code nfs.conf}), or the state of a
     * daemon it only observes: when no spec produces them any more they are left as they are.
     */
    SETTINGS;

    /** Whether the resource's path names a file or directory; a service's path names none. */
    public boolean namesAFile() {
      return this != SERVICE;
    }
  }
}
