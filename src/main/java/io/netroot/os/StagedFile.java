package io.netroot.os;

import io.netroot.NetrootException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * One file of a {@link FileBatch} written and waiting for the commit: its target, and its new
 * content as an unnamed file in the target's directory, or as a named temporary file (a filesystem
 * without unnamed files, too many open, or an in-place rewrite). Exactly one of {@code unnamed} and
 * {@code temp} is set.
 */
record StagedFile(Path target, UnnamedFile unnamed, Path temp) {

  /** Marks a stage whose directories are still to be made (and which has no in-place fallback). */
  static final Path NOT_READY = Path.of("");

  /**
   * Writes {@code content} for {@code target} beside it, with its final mode; nothing is replaced.
   *
   * @param rootDir {@link #NOT_READY} to create the missing directories 0755 first; else the root
   *     under which {@link InPlaceRewrite} keeps its copies when the directory refuses a new file
   * @param descriptors the unnamed files the batch may still hold open
   */
  static StagedFile write(
      Path target,
      byte[] content,
      Set<PosixFilePermission> mode,
      Path rootDir,
      UnnamedFile.Budget descriptors) {
    boolean directoryReady = rootDir != NOT_READY;
    Path dir = target.toAbsolutePath().getParent();
    Path temp = null;
    try {
      if (!directoryReady) {
        createMissing(dir);
      }
      Set<PosixFilePermission> perms = AtomicFile.modeFor(target, mode);
      // Unnamed until the commit where the filesystem allows: a kill leaves nothing to serve.
      // Otherwise created 0600, written, then given its final mode through a descriptor opened
      // without following links: nobody reads it half-written, and the rename publishes it whole.
      AtomicFile.Temp created;
      try {
        UnnamedFile unnamed = UnnamedFile.create(dir, content, FileModes.toInt(perms), descriptors);
        if (unnamed != null) {
          return new StagedFile(target, unnamed, null);
        }
        created = AtomicFile.createTemp(dir, target.getFileName().toString());
      } catch (IOException e) {
        if (!directoryReady || !InPlaceRewrite.applies(target, e)) {
          throw e;
        }
        temp = InPlaceRewrite.stage(rootDir, target, content);
        FileModes.set(temp, perms);
        return new StagedFile(target, null, temp);
      }
      try (created) {
        temp = created.path();
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          created.channel().write(buffer);
        }
      }
      FileModes.set(temp, perms);
      return new StagedFile(target, null, temp);
    } catch (IOException e) {
      AtomicFile.deleteQuietly(temp);
      throw new NetrootException("cannot write " + target + ": " + AtomicFile.describe(e), e);
    }
  }

  /** The directories missing above a target named without a root: created 0755. */
  private static void createMissing(Path dir) {
    Path existing = dir;
    while (existing.getParent() != null && !Files.isDirectory(existing)) {
      existing = existing.getParent();
    }
    LinkFreeDirectories.checkingEachTime().create(existing, dir, null);
  }

  /** Puts this file's data on disk on its own: an fsync of it. */
  void force() {
    if (unnamed != null) {
      try {
        unnamed.force();
      } catch (IOException e) {
        throw new NetrootException(
            "cannot flush " + target + " to disk: " + AtomicFile.describe(e), e);
      }
      return;
    }
    try (FileChannel channel =
        FileChannel.open(temp, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
      channel.force(true);
    } catch (IOException e) {
      throw new NetrootException(
          "cannot flush " + target + " to disk: " + AtomicFile.describe(e), e);
    }
  }

  /** Removes the new content; the target is untouched. */
  void discard() {
    if (unnamed != null) {
      unnamed.discard();
    }
    AtomicFile.deleteQuietly(temp);
  }
}
