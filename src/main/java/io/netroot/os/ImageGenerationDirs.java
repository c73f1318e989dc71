package io.netroot.os;

import com.sun.jna.LastErrorException;
import io.netroot.NetrootException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * The directories of a built root image's generations. The live generation is the image's own
 * directory, so the NFS export and every path netroot manages inside the image stay the same across
 * rebuilds; the others wait beside it in {@code <parent>/.<name>.netroot-generations/<id>} (mode
 * 0700). A build goes into {@code <parent>/.<name>.netroot-build-<random>/root} and becomes live in
 * one {@code renameat2(RENAME_EXCHANGE)} with the image directory: a node looking the path up sees
 * the old tree or the new one, never a mix, and nodes that already mounted the old one keep it
 * (their NFS file handles name its inodes, which stay, now under the generations directory).
 *
 * <p>Every step is a rename within one directory's filesystem, with no link followed: the names are
 * made here, and a name that exists already (a link put there by someone) makes the step fail.
 */
public final class ImageGenerationDirs {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path image;
  private final String shown;

  /**
   * @param image the image directory as this process reaches it (under the root prefix)
   * @param shown the image's path on the boot server, for messages
   */
  public ImageGenerationDirs(Path image, String shown) {
    this.image = image;
    this.shown = shown;
  }

  /** Where the kept generations are. */
  public Path kept() {
    return image.resolveSibling("." + image.getFileName() + ".netroot-generations");
  }

  /** Where a kept generation is. */
  public Path kept(String id) {
    return kept().resolve(id);
  }

  /**
   * A new private directory for a build, beside the image; the build goes into its {@code root}.
   */
  public Path newBuildStage() {
    Path stage =
        image.resolveSibling(
            "."
                + image.getFileName()
                + ".netroot-build-"
                + HexFormat.of().formatHex(RANDOM.generateSeed(6)));
    try {
      Files.createDirectories(image.getParent());
      Files.createDirectory(
          stage,
          java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
              java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
      return stage;
    } catch (IOException e) {
      throw new NetrootException("cannot make a build directory beside " + shown + ": " + e, e);
    }
  }

  /** Build directories a killed build left beside the image. */
  public java.util.List<Path> leftoverStages() {
    String prefix = "." + image.getFileName() + ".netroot-build-";
    try (var entries = Files.list(image.getParent())) {
      return entries.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
    } catch (java.nio.file.NoSuchFileException e) {
      return java.util.List.of();
    } catch (IOException e) {
      throw new NetrootException("cannot list the directory of " + shown + ": " + e, e);
    }
  }

  /**
   * Makes {@code tree} the image. An image directory that is missing or empty is replaced; a
   * non-empty one (the generation live until now) is exchanged with {@code tree} and then kept as
   * generation {@code oldId}.
   *
   * @return whether an old generation was kept
   */
  public boolean makeLive(Path tree, String oldId) {
    if (isEmptyOrMissing(image)) {
      rename(tree, image, 0, "put the new image in place");
      return false;
    }
    rename(tree, image, LibC.RENAME_EXCHANGE, "switch to the new generation");
    keep(tree, oldId);
    return true;
  }

  /**
   * Makes kept generation {@code id} live again, and keeps the one live until now as {@code
   * liveId}.
   */
  public void restore(String id, String liveId) {
    Path back = kept(id);
    if (!Files.isDirectory(back, LinkOption.NOFOLLOW_LINKS)) {
      throw new NetrootException("generation " + id + " of " + shown + " is not kept any more");
    }
    rename(back, image, LibC.RENAME_EXCHANGE, "switch back to generation " + id);
    rename(back, kept(liveId), LibC.RENAME_NOREPLACE, "keep the generation that was live");
  }

  private void keep(Path tree, String id) {
    try {
      if (!Files.isDirectory(kept(), LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectory(
            kept(),
            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
      }
    } catch (IOException e) {
      throw new NetrootException("cannot make " + kept() + ": " + e, e);
    }
    rename(tree, kept(id), LibC.RENAME_NOREPLACE, "keep the previous generation");
  }

  /** Removes a kept generation, without following any link inside it. */
  public void drop(String id) {
    removeTree(kept(id));
  }

  /**
   * Removes a directory tree without following links (they are removed as links). A mount point at
   * or below it (a package cache or {@code /proc} a killed build left mounted; a bind mount
   * included, which has its parent's device number) stops the removal with its name, so nothing
   * outside the tree is ever deleted.
   */
  public static void removeTree(Path top) {
    if (!Files.exists(top, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    List<Path> mounted = Mounts.atOrBelow(top);
    if (!mounted.isEmpty()) {
      throw new NetrootException(
          mounted.get(0)
              + " is a mount point; nothing under "
              + top
              + " is removed while it is mounted: unmount it (umount "
              + mounted.get(0)
              + "), then apply again");
    }
    try {
      Trees.remove(top);
    } catch (IOException e) {
      throw new NetrootException("cannot remove " + top + ": " + e, e);
    }
  }

  /**
   * Unmounts {@code dir} when it is a mount point: the package cache a failed build left bound into
   * its tree.
   */
  public static void unmountIfMounted(Path dir) {
    if (!Mounts.atOrBelow(dir).contains(dir.toAbsolutePath().normalize())) {
      return;
    }
    CommandRunner.Result result =
        new CommandRunner(60)
            .run(
                List.of(
                    CommandRunner.find("umount").map(Path::toString).orElse("umount"),
                    dir.toString()));
    if (!result.ok()) {
      throw new NetrootException("cannot unmount " + dir + ": " + result.output().strip());
    }
  }

  /** The bytes the files of a tree take, links not followed. */
  public static long size(Path top) {
    long[] total = {0};
    try {
      Files.walkFileTree(
          top,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              total[0] += attrs.size();
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new NetrootException("cannot measure " + top + ": " + e, e);
    }
    return total[0];
  }

  private static boolean isEmptyOrMissing(Path dir) {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return true;
    }
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (var entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  private void rename(Path from, Path to, int flags, String what) {
    try {
      LibC.get()
          .renameat2(
              -100, Beneath.cString(from.toString()), -100, Beneath.cString(to.toString()), flags);
    } catch (LastErrorException e) {
      throw new NetrootException(
          "cannot " + what + " of " + shown + ": " + LibC.get().strerror(e.getErrorCode()), e);
    }
  }
}
