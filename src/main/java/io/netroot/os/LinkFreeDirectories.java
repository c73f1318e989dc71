package io.netroot.os;

import io.netroot.NetrootException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The directories between a root prefix and the files netroot reads and writes, walked one
 * component at a time without following a symbolic link. A link on the way is refused: a directory
 * such as {@code pxelinux.cfg} or {@code var/lib/netroot} replaced by a link to elsewhere must not
 * let netroot read or write elsewhere. Missing directories are created with an explicit mode, so
 * the process umask does not decide who can read the TFTP tree.
 *
 * <p>An instance made for one pass remembers the directories it has found sound, so ten thousand
 * files in one directory cost one walk, not ten thousand. A long-lived one remembers nothing: a
 * link made between two passes is seen by the second.
 */
final class LinkFreeDirectories {

  private static final Set<PosixFilePermission> PUBLIC = FileModes.parse("0755");
  private static final Set<PosixFilePermission> PRIVATE = FileModes.parse("0700");

  /** Directories found sound, with every component above them; {@code null} to remember none. */
  private final Set<Path> sound;

  private LinkFreeDirectories(Set<Path> sound) {
    this.sound = sound;
  }

  /** One that checks every time. */
  static LinkFreeDirectories checkingEachTime() {
    return new LinkFreeDirectories(null);
  }

  /** One for a single pass, which remembers what it found. */
  static LinkFreeDirectories forOnePass() {
    return new LinkFreeDirectories(ConcurrentHashMap.newKeySet());
  }

  /** The message for a link where netroot writes. */
  static NetrootException refused(Path link) {
    return new NetrootException(link + " is a symbolic link; netroot does not write through links");
  }

  /**
   * Checks the directories from {@code top} (trusted, not checked) down to {@code dir}.
   *
   * @return false when one of them does not exist (so nothing below it does either)
   * @throws NetrootException when one is a symbolic link or not a directory
   */
  boolean check(Path top, Path dir) {
    return walk(top, dir, null, false);
  }

  /**
   * Makes sure {@code dir} is a directory reached from {@code top} without a link, creating what is
   * missing: 0755, or 0700 for the directories at or below {@code privateFrom}.
   *
   * @param privateFrom the first directory only root may enter, or {@code null} when none
   */
  void create(Path top, Path dir, Path privateFrom) {
    if (sound != null && sound.contains(dir)) {
      return;
    }
    if (!Files.isDirectory(top)) {
      try {
        Files.createDirectories(top);
      } catch (IOException e) {
        throw new NetrootException("cannot create " + top + ": " + AtomicFile.describe(e), e);
      }
    }
    walk(top, dir, privateFrom, true);
  }

  private boolean walk(Path top, Path dir, Path privateFrom, boolean create) {
    if (sound != null && sound.contains(dir)) {
      return true;
    }
    if (!dir.startsWith(top)) {
      throw new IllegalArgumentException(dir + " is not inside " + top);
    }
    Path current = top;
    for (Path name : top.relativize(dir)) {
      if (name.toString().isEmpty()) {
        continue; // dir == top
      }
      current = current.resolve(name);
      if (sound != null && sound.contains(current)) {
        continue;
      }
      if (!isSoundDirectory(current)) {
        if (!create) {
          return false;
        }
        make(current, privateFrom != null && current.startsWith(privateFrom) ? PRIVATE : PUBLIC);
      }
      if (sound != null) {
        sound.add(current);
      }
    }
    return true;
  }

  /** True for a directory, false when nothing is there; a link or another file is refused. */
  private static boolean isSoundDirectory(Path path) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      throw new NetrootException("cannot look at " + path + ": " + AtomicFile.describe(e), e);
    }
    if (attributes.isSymbolicLink()) {
      throw refused(path);
    }
    if (!attributes.isDirectory()) {
      throw new NetrootException(path + " is not a directory");
    }
    return true;
  }

  /** Creates one directory and gives it its mode, whatever the umask took away. */
  private static void make(Path path, Set<PosixFilePermission> mode) {
    try {
      // 0700 until its mode is set: nobody else gets in while the umask's mode holds
      Files.createDirectory(path, PosixFilePermissions.asFileAttribute(PRIVATE));
      FileModes.set(path, mode);
    } catch (FileAlreadyExistsException e) {
      // made by another thread of this batch, or by someone else: what is there now must be sound
      isSoundDirectory(path);
    } catch (IOException e) {
      throw new NetrootException("cannot create " + path + ": " + AtomicFile.describe(e), e);
    }
  }
}
