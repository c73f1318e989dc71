package io.netroot.os;

import com.sun.jna.LastErrorException;
import io.netroot.NetrootException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a root image is unpacked before it becomes the image, so that a fill killed or failed
 * midway never leaves half an image in its place.
 *
 * <p>The fill goes into {@code root} inside a new directory beside the image, {@code
 * <parent>/.<name>.netroot-fill-<random>} (mode 0700, made with {@code mkdirat} relative to the
 * parent, so nothing already there, a link included, is used). Once tar has succeeded, the data is
 * flushed ({@code syncfs}) and {@code root} is renamed to the image path in one {@code rename(2)}:
 * that replaces a missing or empty directory atomically, and fails on anything else (a file a
 * client wrote meanwhile, a link), so the image is either untouched or whole. The image's own
 * directory is then the one tar made, with the mode and owner of the source's top directory (0755
 * root when the archive has no {@code ./} entry). An empty image directory that existed is thus
 * replaced by a new one: whatever held the old one open (an NFS export already made of the empty
 * directory) sees the new one only once it looks the path up again ({@code exportfs -r}).
 *
 * <p>An image that is a mount point (its own filesystem, often holding just {@code lost+found})
 * cannot be renamed over, and one that holds {@code lost+found} is not empty to {@code rename(2)}.
 * Such an image is filled in {@code <image>/.netroot-fill-<random>/root} instead; once tar has
 * succeeded, that directory is renamed {@code .netroot-filled-<random>} (the point of no return),
 * its entries are moved up one rename each, the image's top directory takes the mode and owner of
 * {@code root}, and the stage is removed. A run killed during the moves leaves a {@code
 * .netroot-filled-} stage that the next run finishes ({@link FillLeftovers}).
 *
 * <p>tar is given the stage as {@code /proc/<pid>/fd/<n>}, the descriptor netroot holds, so a
 * rename of the stage's path while tar starts cannot point tar elsewhere.
 */
public final class FillStage implements AutoCloseable {

  /** The name of the directory in a stage that holds the image's tree. */
  static final String TREE = "root";

  private static final Logger log = LoggerFactory.getLogger(FillStage.class);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String shown;
  private final int home;
  private final int image;
  private final byte[] imageName;
  private final String stageName;
  private final int stage;
  private final int tree;
  private boolean committed;
  private boolean pastNoReturn;

  private FillStage(
      String shown, int home, int image, byte[] imageName, String stageName, int stage, int tree) {
    this.shown = shown;
    this.home = home;
    this.image = image;
    this.imageName = imageName;
    this.stageName = stageName;
    this.stage = stage;
    this.tree = tree;
  }

  /**
   * Makes a stage for filling {@code image}, which must be missing, or a directory (not a link)
   * that holds nothing but {@code lost+found} (the caller checks it, {@link FillLeftovers} first
   * removes what earlier runs left). Creates the image's parent directories when missing.
   *
   * @param shown the image's server path, for messages
   */
  public static FillStage begin(Path image, String shown) {
    Path parent = image.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      String why =
          e instanceof java.nio.file.FileSystemException f && f.getReason() != null
              ? f.getReason()
              : "a file is in the way";
      throw new NetrootException(
          "cannot create " + parent + ", the directory of " + shown + ": " + why, e);
    }
    int parentFd = StageFiles.openParent(parent, shown);
    if (parentFd == Beneath.NONE) {
      throw new NetrootException("cannot open " + parent + ", the directory of " + shown);
    }
    byte[] imageName = Beneath.cString(image.getFileName().toString());
    int imageFd = Beneath.NONE;
    try {
      imageFd = StageFiles.openImage(parentFd, imageName, shown);
      boolean inside =
          imageFd != Beneath.NONE
              && (StageFiles.isMountPoint(imageFd, parentFd)
                  || !ImageTree.names(imageFd, Beneath.cString("."), shown).isEmpty());
      if (inside) {
        LibC.get().close(parentFd);
        parentFd = Beneath.NONE;
        return make(shown, imageFd, imageFd, imageName, FillLeftovers.INSIDE);
      }
      closeQuietly(imageFd);
      imageFd = Beneath.NONE;
      return make(shown, parentFd, Beneath.NONE, imageName, FillLeftovers.siblingPrefix(image));
    } catch (LastErrorException e) {
      closeQuietly(parentFd);
      closeQuietly(imageFd);
      throw Beneath.failure("cannot make a directory to fill " + shown + " in", e);
    } catch (RuntimeException e) {
      closeQuietly(parentFd);
      closeQuietly(imageFd);
      throw e;
    }
  }

  /**
   * Makes the stage {@code prefix<random>} in {@code home} (0700, nothing already there is used)
   * and its {@code root} (0755 whatever the umask: the image's top directory when the archive has
   * no {@code ./} entry).
   */
  private static FillStage make(
      String shown, int home, int image, byte[] imageName, String prefix) {
    LibC c = LibC.get();
    byte[] random = new byte[6];
    RANDOM.nextBytes(random);
    String name = prefix + HexFormat.of().formatHex(random);
    byte[] cName = Beneath.cString(name);
    c.mkdirat(home, cName, 0700);
    int stage = Beneath.NONE;
    try {
      stage = StageFiles.openDir(home, cName, shown);
      c.mkdirat(stage, Beneath.cString(TREE), 0700);
      int tree = StageFiles.openDir(stage, Beneath.cString(TREE), shown);
      try {
        c.chmod("/proc/self/fd/" + tree, 0755);
      } catch (LastErrorException e) {
        c.close(tree);
        throw e;
      }
      return new FillStage(shown, home, image, imageName, name, stage, tree);
    } catch (RuntimeException e) {
      closeQuietly(stage);
      try {
        ImageTree.remove(home, cName, name);
      } catch (RuntimeException notRemoved) {
        // the next fill removes it
        e.addSuppressed(notRemoved);
      }
      throw e;
    }
  }

  /** Where tar unpacks: the stage's {@code root}, named through netroot's own descriptor. */
  public Path tree() {
    return Path.of("/proc/" + ProcessHandle.current().pid() + "/fd/" + tree);
  }

  /** The stage's name in its directory, for messages and logs. */
  public String name() {
    return stageName;
  }

  /** Whether the image is filled in place (a mount point) rather than renamed into place. */
  public boolean inside() {
    return image != Beneath.NONE;
  }

  /**
   * Whether a failed {@link #commit} had already moved part of the fill into the image: the stage
   * is then left for the next run to finish, and the image counts as filled by netroot.
   */
  public boolean pastNoReturn() {
    return pastNoReturn;
  }

  /** Makes the unpacked tree the image: one rename, or for a mount point the moves described. */
  public void commit() {
    LibC c = LibC.get();
    byte[] stageC = Beneath.cString(stageName);
    try {
      StageFiles.syncfs(tree);
      if (!inside()) {
        StageFiles.renameOver(stage, Beneath.cString(TREE), home, imageName, shown);
        committed = true;
        ImageFiles.syncDirectory(home);
        removeEmpty(home, stageC);
        return;
      }
      StageFiles.checkNoClash(tree, image, shown);
      byte[] done =
          Beneath.cString(
              FillLeftovers.INSIDE_DONE + stageName.substring(FillLeftovers.INSIDE.length()));
      c.renameat(home, stageC, home, done);
      pastNoReturn = true;
      ImageFiles.syncDirectory(home);
      FillLeftovers.moveIn(image, stage, shown);
      committed = true;
      removeEmpty(home, done);
    } catch (LastErrorException e) {
      throw Beneath.failure("cannot move the fill into " + shown, e);
    }
  }

  /** Removes the emptied stage; one left behind is removed by the next fill. */
  private void removeEmpty(int dir, byte[] name) {
    try {
      LibC.get().unlinkat(dir, name, LinuxFlags.AT_REMOVEDIR);
    } catch (LastErrorException e) {
      log.warn(
          "cannot remove the emptied {} of {}: {}",
          stageName,
          shown,
          LibC.get().strerror(e.getErrorCode()));
    }
  }

  /** Removes the stage unless it was committed, or is past the point where it must be finished. */
  @Override
  public void close() {
    LibC c = LibC.get();
    closeQuietly(tree);
    closeQuietly(stage);
    try {
      if (!committed && !pastNoReturn) {
        ImageTree.remove(home, Beneath.cString(stageName), stageName);
      }
    } catch (LastErrorException e) {
      throw Beneath.failure(
          "a fill of " + shown + " failed and " + stageName + " could not be removed", e);
    } finally {
      c.close(home);
    }
  }

  private static void closeQuietly(int fd) {
    if (fd >= 0) {
      try {
        LibC.get().close(fd);
      } catch (LastErrorException ignored) {
        // already closed
      }
    }
  }
}
