package io.netroot.catalog;

import io.netroot.NetrootException;
import io.netroot.os.DeviceFiles;
import io.netroot.os.ImageDir;
import io.netroot.os.RootFs;
import java.util.List;
import java.util.Optional;

/**
 * One entry of a static {@code /dev} in a root image: a character device node or a directory, with
 * its type, numbers, mode and owner. Its content is a line such as {@code char 1:3 mode 0666 uid 0
 * gid 0}, so a plan shows what is wrong in words. Whatever else is at the path (a regular file, a
 * symlink, a node with the wrong numbers) is drift; apply removes it and creates the node. A
 * regular file there is backed up first by the engine, like any file netroot replaces. Everything
 * is done inside the image without following a link ({@link ImageDir}): a link in the place of a
 * node is removed, never followed, and a link on the way ({@code dev -> /elsewhere}) is an error.
 */
final class DeviceNode extends BaseResource implements FileInImage {

  /**
   * What belongs at one path of {@code /dev}.
   *
   * @param name the name under {@code /dev}
   * @param directory a directory ({@code pts}, {@code shm}) rather than a character device
   * @param mode permission bits, sticky bit included
   */
  record Entry(String name, boolean directory, int major, int minor, int mode, int gid) {

    static Entry chr(String name, int major, int minor, int mode, int gid) {
      return new Entry(name, false, major, minor, mode, gid);
    }

    static Entry dir(String name, int mode) {
      return new Entry(name, true, 0, 0, mode, 0);
    }

    String text() {
      return directory
          ? describeDirectory(mode, 0, gid)
          : "char %d:%d mode %04o uid 0 gid %d".formatted(major, minor, mode, gid);
    }
  }

  private final String image;
  private final Entry entry;

  DeviceNode(String image, String description, Entry entry, List<ResourceId> dependsOn) {
    super(
        idFor(image + "/dev/" + entry.name()),
        StateKind.FILE,
        image + "/dev/" + entry.name(),
        description,
        dependsOn,
        List.of());
    this.image = image;
    this.entry = entry;
  }

  static ResourceId idFor(String path) {
    return new ResourceId(ResourceId.Kind.DEVNODE, path);
  }

  private String rel() {
    return "dev/" + entry.name();
  }

  @Override
  public Content desired() {
    return Content.text(entry.text() + "\n");
  }

  @Override
  public Optional<Content> observe(RootFs root) {
    return ImageDir.whenPresent(
        root.resolve(image),
        image,
        img -> img.look(rel()).map(node -> Content.text(describe(node) + "\n")));
  }

  /** A node as one line, in the same words as the desired content. */
  static String describe(DeviceFiles.Node node) {
    String owner = "mode %04o uid %d gid %d".formatted(node.mode(), node.uid(), node.gid());
    return switch (node.type()) {
      case CHAR -> "char %d:%d %s".formatted(node.major(), node.minor(), owner);
      case BLOCK -> "block %d:%d %s".formatted(node.major(), node.minor(), owner);
      case DIRECTORY -> describeDirectory(node.mode(), node.uid(), node.gid());
      case REGULAR -> "regular file of %d bytes %s".formatted(node.size(), owner);
      case SYMLINK -> "symlink to " + node.linkTarget();
      case FIFO -> "fifo " + owner;
      case SOCKET -> "socket " + owner;
    };
  }

  private static String describeDirectory(int mode, int uid, int gid) {
    return "directory mode %04o uid %d gid %d".formatted(mode, uid, gid);
  }

  @Override
  public byte[] candidate(RootFs root, Content desired) {
    return desired.bytes();
  }

  @Override
  public void write(RootFs root, Content desired) {
    try (ImageDir img = ImageDir.create(root.resolve(image), image)) {
      img.makeDirectories("dev");
      Optional<DeviceFiles.Node> current = img.look(rel());
      if (current.isPresent()) {
        if (current.get().type() == DeviceFiles.Type.DIRECTORY) {
          if (entry.directory()) {
            img.setOwnerAndMode(rel(), entry.mode(), 0, entry.gid());
            return;
          }
          // an empty directory is removed like a stray file; a full one is somebody's data
          if (!img.list(rel()).isEmpty()) {
            throw new NetrootException(
                path() + " is a non-empty directory where a device node belongs; remove it");
          }
        }
        // a regular file (already backed up), a symlink (removed, not followed) or a wrong node
        img.remove(rel());
      }
      if (entry.directory()) {
        img.createDirectory(rel(), entry.mode(), 0, entry.gid());
      } else {
        img.createCharDevice(rel(), entry.mode(), entry.major(), entry.minor(), 0, entry.gid());
      }
    }
  }

  @Override
  public void remove(RootFs root) {
    // never called: device nodes are left in place when no spec names the image any more
  }

  @Override
  public String image() {
    return image;
  }

  @Override
  public String relInImage() {
    return rel();
  }
}
