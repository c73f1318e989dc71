package io.netroot.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The managed files a long-lived process (the agent) read in earlier passes, each with the stamp it
 * had when read: device, inode, size, modification and change time. A file whose stamp is the same
 * in a later pass is not read again; its bytes are those of the last read.
 *
 * <p>Any write changes the change time (ctime), which no one can set back by hand: {@code touch -d}
 * sets the modification time, and the change time becomes the time of the touch. netroot's own
 * rewrites make a new inode. What a stamp cannot show is a second write within the same tick of the
 * file system's clock as the read. Two rules keep that from going unseen:
 *
 * <ul>
 *   <li>a file changed less than {@link #SETTLE} before it was stamped is read again in the next
 *       pass (its stamp is not trusted: another write in the same tick may follow);
 *   <li>every {@link #FULL_READ_EVERY}th pass reads every file, stamps or not (for a clock set
 *       back, or a file system whose timestamps are coarser than {@link #SETTLE}).
 * </ul>
 *
 * <p>The first pass of a process reads as a one-off command does and stamps nothing: a command that
 * makes one pass pays for no stamps. From the second pass on, each file costs one {@code lstat},
 * and one read when its stamp changed.
 */
public final class UnchangedFiles {

  /** Every this many passes, every file is read again whatever its stamp. */
  public static final int FULL_READ_EVERY = 10;

  /** A file changed this recently when stamped is read again in the next pass. */
  public static final long SETTLE = TimeUnit.SECONDS.toNanos(2);

  /**
   * What identifies a file's content without reading it, and its mode and owner (a change of either
   * moves the change time too).
   */
  record Stamp(Object key, long size, long modified, long changed, ModeAndOwner modeAndOwner) {}

  /** How a file is stamped; tests give their own. */
  interface Stamper {
    /** The file's stamp, or {@code null} when it is not a regular file. */
    Stamp stamp(Path file) throws IOException;
  }

  /** A file as last read, and the pass that last looked at it. */
  private record Entry(Stamp stamp, boolean settled, byte[] bytes, int pass) {}

  private final Map<Path, Entry> entries = new ConcurrentHashMap<>();
  private final int fullReadEvery;
  private final long settle;
  private final Stamper stamper;
  private int pass;

  /** For the agent: a full read every {@link #FULL_READ_EVERY} passes. */
  public UnchangedFiles() {
    this(FULL_READ_EVERY, SETTLE, UnchangedFiles::lstat);
  }

  UnchangedFiles(int fullReadEvery, long settleNanos, Stamper stamper) {
    this.fullReadEvery = fullReadEvery;
    this.settle = settleNanos;
    this.stamper = stamper;
  }

  /** Starts the next pass; returns its number, 1 for the first. */
  public synchronized int startPass() {
    return ++pass;
  }

  private synchronized int pass() {
    return pass;
  }

  /** True when this pass reads every file: the first one, and every {@code N}th after it. */
  boolean fullRead() {
    int now = pass();
    return now <= 2 || (now - 2) % fullReadEvery == 0;
  }

  /**
   * What is at {@code file}: the bytes of the last read when the file's stamp is unchanged and
   * trusted, else what {@link NoFollowRead#look} finds (stamped for the next pass).
   */
  Found look(Path file) throws IOException {
    if (pass() <= 1) {
      return NoFollowRead.look(file);
    }
    // In nanoseconds, as the change time is: the millisecond clock, truncated, could put a file
    // changed a moment ago in the future, and so never settled.
    Instant clock = Instant.now();
    long now = TimeUnit.SECONDS.toNanos(clock.getEpochSecond()) + clock.getNano();
    Stamp stamp = stamper.stamp(file);
    if (stamp == null) {
      entries.remove(file);
      return NoFollowRead.look(file);
    }
    Entry last = entries.get(file);
    int current = pass();
    if (last != null && last.settled() && last.stamp().equals(stamp) && !fullRead()) {
      entries.put(file, new Entry(stamp, true, last.bytes(), current));
      return new Found.File(last.bytes());
    }
    Found found = NoFollowRead.look(file);
    if (found instanceof Found.File read) {
      boolean settled = now - stamp.changed() >= settle;
      entries.put(file, new Entry(stamp, settled, read.bytes(), current));
    } else {
      entries.remove(file);
    }
    return found;
  }

  /**
   * Keeps {@code bytes} for {@code file} in place of the equal bytes of its last read, so that a
   * caller that holds them anyway (the desired content) does not hold a second copy.
   */
  void share(Path file, byte[] bytes) {
    entries.computeIfPresent(
        file,
        (path, entry) ->
            entry.bytes() != bytes && Arrays.equals(entry.bytes(), bytes)
                ? new Entry(entry.stamp(), entry.settled(), bytes, entry.pass())
                : entry);
  }

  /**
   * The mode and owner of {@code file} from the stamp this pass's {@link #look} took, or {@code
   * null} when this pass took none (then {@code lstat} it).
   */
  ModeAndOwner modeAndOwner(Path file) {
    Entry entry = entries.get(file);
    return entry != null && entry.pass() == pass() ? entry.stamp().modeAndOwner() : null;
  }

  /** The files stamped; for tests. */
  int size() {
    return entries.size();
  }

  /** The stamp of a regular file, from one {@code lstat}; {@code null} for anything else. */
  static Stamp lstat(Path file) throws IOException {
    Map<String, Object> attributes;
    try {
      attributes =
          Files.readAttributes(
              file,
              "unix:dev,ino,size,lastModifiedTime,ctime,mode,uid,gid",
              LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
    int mode = (Integer) attributes.get("mode");
    if ((mode & LinuxFlags.S_IFMT) != LinuxFlags.S_IFREG) {
      return null;
    }
    return new Stamp(
        attributes.get("dev") + ":" + attributes.get("ino"),
        (Long) attributes.get("size"),
        nanos((FileTime) attributes.get("lastModifiedTime")),
        nanos((FileTime) attributes.get("ctime")),
        new ModeAndOwner(mode, (Integer) attributes.get("uid"), (Integer) attributes.get("gid")));
  }

  private static long nanos(FileTime time) {
    return time.to(TimeUnit.NANOSECONDS);
  }
}
