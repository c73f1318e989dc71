package io.netroot.os;

import com.sun.jna.LastErrorException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What fills killed or failed midway left ({@link FillStage}), recognised by name and cleared by
 * the next fill: a stage beside the image ({@code .<name>.netroot-fill-*}) or inside a mount-point
 * image ({@code .netroot-fill-*}) is removed, never followed; an inside stage past its point of no
 * return ({@code .netroot-filled-*}) is finished, so the image ends whole.
 */
public final class FillLeftovers {

  private static final Logger log = LoggerFactory.getLogger(FillLeftovers.class);

  /** The name of a stage inside a mount-point image, before its point of no return. */
  static final String INSIDE = ".netroot-fill-";

  /** The name of a stage inside a mount-point image whose entries are being moved up. */
  static final String INSIDE_DONE = ".netroot-filled-";

  private static final String LOST_AND_FOUND = "lost+found";

  /**
   * What an image holds, looked at without following a link.
   *
   * @param empty nothing but {@code lost+found} and netroot's own stages (or no image at all)
   * @param unfinished a fill got past its point of no return and must be finished
   */
  public record Seen(boolean empty, boolean unfinished) {}

  private FillLeftovers() {}

  /** The start of the name of a stage beside {@code image}: {@code .node.netroot-fill-}. */
  static String siblingPrefix(Path image) {
    return "." + image.getFileName() + ".netroot-fill-";
  }

  /** What {@code image} holds; a link at its path is refused (see {@link ImageDir#open}). */
  public static Seen inspect(Path image, String shown) {
    return ImageDir.whenPresent(
            image,
            shown,
            img -> {
              boolean empty = true;
              boolean unfinished = false;
              for (String name : img.list("")) {
                boolean directory =
                    img.look(name).filter(n -> n.type() == DeviceFiles.Type.DIRECTORY).isPresent();
                if (directory && name.startsWith(INSIDE_DONE)) {
                  unfinished = true;
                } else if (!(directory
                    && (name.equals(LOST_AND_FOUND) || name.startsWith(INSIDE)))) {
                  empty = false;
                }
              }
              return Optional.of(new Seen(empty, unfinished));
            })
        .orElse(new Seen(true, false));
  }

  /**
   * Removes the stages earlier fills of {@code image} left beside it and inside it, and finishes a
   * fill past its point of no return. Only one netroot writes at a time (the writer lock), so no
   * stage found here is still being filled.
   *
   * @return whether a fill was finished, so the image is now filled
   */
  public static boolean clear(Path image, String shown) {
    Path parent = image.toAbsolutePath().getParent();
    int parentFd = StageFiles.openParent(parent, shown);
    if (parentFd == Beneath.NONE) {
      return false;
    }
    LibC c = LibC.get();
    try {
      String prefix = siblingPrefix(image);
      for (String name : ImageTree.names(parentFd, Beneath.cString("."), parent.toString())) {
        if (name.startsWith(prefix)) {
          log.info("removing {}/{}, left by an interrupted fill of {}", parent, name, shown);
          ImageTree.remove(parentFd, Beneath.cString(name), parent + "/" + name);
        }
      }
      int imageFd =
          StageFiles.openImage(parentFd, Beneath.cString(image.getFileName().toString()), shown);
      if (imageFd == Beneath.NONE) {
        return false;
      }
      try {
        return clearInside(imageFd, shown);
      } finally {
        c.close(imageFd);
      }
    } catch (LastErrorException e) {
      throw Beneath.failure("cannot clear what an interrupted fill of " + shown + " left", e);
    } finally {
      c.close(parentFd);
    }
  }

  private static boolean clearInside(int image, String shown) {
    boolean finished = false;
    for (String name : ImageTree.names(image, Beneath.cString("."), shown)) {
      byte[] cName = Beneath.cString(name);
      Optional<DeviceFiles.Node> node = DeviceFiles.lookAt(image, cName, 0);
      if (node.isEmpty() || node.get().type() != DeviceFiles.Type.DIRECTORY) {
        continue;
      }
      if (name.startsWith(INSIDE)) {
        log.info("removing {}/{}, left by an interrupted fill", shown, name);
        ImageTree.remove(image, cName, shown + "/" + name);
      } else if (name.startsWith(INSIDE_DONE)) {
        log.info("finishing the fill of {} that {} holds", shown, name);
        int stage = StageFiles.openDir(image, cName, shown);
        try {
          moveIn(image, stage, shown);
        } finally {
          LibC.get().close(stage);
        }
        LibC.get().unlinkat(image, cName, LinuxFlags.AT_REMOVEDIR);
        ImageFiles.syncDirectory(image);
        finished = true;
      }
    }
    return finished;
  }

  /**
   * Moves the entries of {@code stage/root} up into the image, one rename each, gives the image's
   * top directory the owner and mode of {@code root}, and removes {@code root}. Repeatable: a run
   * killed midway is finished by the next one.
   */
  static void moveIn(int image, int stage, String shown) {
    LibC c = LibC.get();
    byte[] treeName = Beneath.cString(FillStage.TREE);
    if (DeviceFiles.lookAt(stage, treeName, 0).isEmpty()) {
      return;
    }
    int tree = StageFiles.openDir(stage, treeName, shown);
    try {
      for (byte[] name : ImageTree.entries(tree, Beneath.cString("."), shown)) {
        Optional<DeviceFiles.Node> there = DeviceFiles.lookAt(image, name, 0);
        if (there.isPresent() && isLostAndFound(name, there.get())) {
          // the image's filesystem keeps its own lost+found, which fsck relies on
          ImageTree.remove(tree, name, shown + "/" + FillStage.TREE);
        } else {
          c.renameat(tree, name, image, name);
        }
      }
      DeviceFiles.Node top =
          DeviceFiles.lookAt(tree, new byte[] {0}, LinuxFlags.AT_EMPTY_PATH).orElseThrow();
      // owner first: a chown clears set-id bits
      c.fchownat(image, new byte[] {0}, top.uid(), top.gid(), LinuxFlags.AT_EMPTY_PATH);
      c.chmod("/proc/self/fd/" + image, top.mode());
    } finally {
      c.close(tree);
    }
    c.unlinkat(stage, treeName, LinuxFlags.AT_REMOVEDIR);
    ImageFiles.syncDirectory(image);
  }

  /** Whether {@code name} (NUL-terminated) is the directory {@code lost+found}. */
  static boolean isLostAndFound(byte[] name, DeviceFiles.Node node) {
    return node.type() == DeviceFiles.Type.DIRECTORY
        && Arrays.equals(name, Beneath.cString(LOST_AND_FOUND));
  }
}
