package io.netroot.os;

import com.sun.jna.LastErrorException;
import io.netroot.NetrootException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A root image directory, opened once, inside which every path is resolved without following a
 * symbolic link. A diskless client with root over NFS owns every byte of its image, its links
 * included: {@code etc -> /elsewhere/etc} must not make netroot, running as root on the server,
 * write or read anything outside. Paths are resolved below the image's descriptor with {@code
 * openat2(RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS)} or one {@code O_NOFOLLOW} step per component
 * ({@link Beneath}), and every change is made relative to the descriptor of the directory found.
 *
 * <p>A link met on the way, or where netroot reads or writes a file, is an error naming it ({@code
 * /srv/root/etc is a symbolic link (to /elsewhere/etc); netroot does not follow links inside a root
 * image}). Only links netroot makes itself ({@link #symlink}, for a systemd mask) are created, and
 * a link in the place of a node netroot makes is replaced, never followed.
 *
 * <p>Paths are relative to the image, such as {@code etc/fstab}: no leading slash, no {@code .} or
 * {@code ..} component.
 */
public final class ImageDir implements AutoCloseable {

  private final int fd;
  private final String shown;
  private final Beneath beneath;

  private ImageDir(int fd, String shown, Beneath beneath) {
    this.fd = fd;
    this.shown = shown;
    this.beneath = beneath;
  }

  /**
   * Opens an image directory, or returns empty when it does not exist. The image path itself must
   * be the directory, not a link to it.
   *
   * @param shown how the image is named in messages: its server path, {@code /srv/root}
   */
  public static Optional<ImageDir> open(Path image, String shown) {
    return open(image, shown, Beneath.best());
  }

  /**
   * Runs {@code body} on the image when it exists, then closes it; empty when it does not (what is
   * inside a missing image is absent).
   */
  public static <T> Optional<T> whenPresent(
      Path image, String shown, Function<ImageDir, Optional<T>> body) {
    Optional<ImageDir> opened = open(image, shown);
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    try (ImageDir img = opened.get()) {
      return body.apply(img);
    }
  }

  /** Creates the image directory (and its parents on the server) when missing, then opens it. */
  public static ImageDir create(Path image, String shown) {
    try {
      Files.createDirectories(image);
    } catch (java.io.IOException e) {
      // a link or a file in the way is reported by open, with what it is
    }
    return open(image, shown).orElseThrow(() -> new NetrootException("cannot create " + shown));
  }

  static Optional<ImageDir> open(Path image, String shown, Beneath beneath) {
    int fd = Beneath.openImage(image, shown);
    return fd == Beneath.NONE ? Optional.empty() : Optional.of(new ImageDir(fd, shown, beneath));
  }

  /**
   * What is at {@code rel}, a final link not followed; empty when nothing is. A link on the way
   * there is refused.
   */
  public Optional<DeviceFiles.Node> look(String rel) {
    return at("look at", rel, Beneath.Missing.ABSENT, ImageDir::lookAt);
  }

  /**
   * What is at {@code rel}, where a path that can only be reached through a link (or through a
   * file) counts as absent. For telling what an image holds ({@code usr/lib/systemd/systemd} when
   * {@code lib} links to {@code usr/lib}), never for reading or writing it.
   */
  public Optional<DeviceFiles.Node> find(String rel) {
    return guarded(
        "look at",
        rel,
        () -> {
          try (Located at = locate(rel, Beneath.Missing.ABSENT, Beneath.Links.ABSENT)) {
            return lookAt(at);
          }
        });
  }

  private static Optional<DeviceFiles.Node> lookAt(Located at) {
    return at.absent() ? Optional.empty() : DeviceFiles.lookAt(at.dir(), at.name(), 0);
  }

  /**
   * The content of the regular file at {@code rel}, or empty when there is none. A link there or on
   * the way is refused, and so is anything but a regular file: nothing is read through a link.
   */
  public Optional<byte[]> readFile(String rel) {
    return at("read", rel, Beneath.Missing.ABSENT, at -> ImageFiles.read(at, true));
  }

  /** The most a kernel or initramfs read from an image may hold: 1 GiB. */
  public static final int MAX_BOOT_FILE = 1 << 30;

  /**
   * As {@link #readFile}, for a kernel or an initramfs: up to {@link #MAX_BOOT_FILE} bytes rather
   * than the 16 MiB of a configuration file.
   */
  public Optional<byte[]> readBootFile(String rel) {
    return at("read", rel, Beneath.Missing.ABSENT, at -> ImageFiles.read(at, true, MAX_BOOT_FILE));
  }

  /**
   * The content of {@code rel} when it is a regular file, else empty (a link or a node there is not
   * read, and not an error); a link on the way is refused. What a backup keeps.
   */
  public Optional<byte[]> readIfRegular(String rel) {
    return at("read", rel, Beneath.Missing.ABSENT, at -> ImageFiles.read(at, false));
  }

  /**
   * Replaces the file at {@code rel} atomically: a temporary file made beside it ({@code O_EXCL},
   * mode 0600), written, flushed, given {@code mode}, renamed over it, and the directory flushed.
   * Missing directories are created; a link at {@code rel} or on the way is refused.
   */
  public void writeFile(String rel, byte[] content, int mode) {
    run("write", rel, Beneath.Missing.CREATE, at -> ImageFiles.replace(at, content, mode));
  }

  /** Creates the directory {@code rel} and its parents where missing, never through a link. */
  public void makeDirectories(String rel) {
    List<String> components = components(rel);
    guarded(
        "create",
        rel,
        () ->
            LibC.get()
                .close(
                    beneath.openDir(
                        fd, components, Beneath.Missing.CREATE, Beneath.Links.REFUSE, shown)));
  }

  /**
   * Creates a character device node with exactly {@code mode} and owner {@code uid:gid}. Nothing
   * may be at {@code rel}; missing directories are created.
   */
  public void createCharDevice(String rel, int mode, int major, int minor, int uid, int gid) {
    run(
        "create device node",
        rel,
        Beneath.Missing.CREATE,
        at -> ImageFiles.mknod(at, mode, DeviceFiles.makedev(major, minor), uid, gid));
  }

  /** Creates the directory {@code rel} with exactly {@code mode} and owner {@code uid:gid}. */
  public void createDirectory(String rel, int mode, int uid, int gid) {
    run(
        "create directory",
        rel,
        Beneath.Missing.CREATE,
        at -> ImageFiles.mkdir(at, mode, uid, gid));
  }

  /** Sets the owner and mode of what is at {@code rel}; a link there is refused. */
  public void setOwnerAndMode(String rel, int mode, int uid, int gid) {
    run(
        "set owner and mode of",
        rel,
        Beneath.Missing.ABSENT,
        at -> ImageFiles.ownerAndMode(at, mode, uid, gid));
  }

  /**
   * Makes {@code rel} a symbolic link to {@code target}, atomically replacing whatever file, node
   * or link is there (not a directory). The link is created, never followed.
   */
  public void symlink(String rel, String target) {
    run("create link", rel, Beneath.Missing.CREATE, at -> ImageFiles.symlink(at, target));
  }

  /** Removes what is at {@code rel}: a file, node or link (not followed), or an empty directory. */
  public void remove(String rel) {
    run("remove", rel, Beneath.Missing.ABSENT, ImageFiles::remove);
  }

  /** Renames {@code rel} to {@code newName} in the same directory. */
  public void rename(String rel, String newName) {
    if (components(newName).size() != 1) {
      throw new NetrootException("cannot rename " + shown + "/" + rel + " to a path: " + newName);
    }
    run("rename", rel, Beneath.Missing.ABSENT, at -> ImageFiles.rename(at, newName));
  }

  /**
   * The names in the directory {@code rel} ({@code ""}: the image itself), sorted; empty when it is
   * missing or not a directory. A link there or on the way is refused.
   */
  public List<String> list(String rel) {
    if (rel.isEmpty()) {
      return guarded("list", rel, () -> ImageTree.names(fd, Beneath.cString("."), shown));
    }
    return at(
        "list",
        rel,
        Beneath.Missing.ABSENT,
        at -> at.absent() ? List.of() : ImageTree.names(at.dir(), at.name(), at.shown()));
  }

  /** Removes {@code rel} and, for a directory, all it holds; links are removed, not followed. */
  public void removeTree(String rel) {
    run(
        "remove",
        rel,
        Beneath.Missing.ABSENT,
        at -> {
          if (!at.absent()) {
            ImageTree.remove(at.dir(), at.name(), at.shown());
          }
        });
  }

  @Override
  public void close() {
    LibC.get().close(fd);
  }

  private Located locate(String rel, Beneath.Missing missing) {
    return locate(rel, missing, Beneath.Links.REFUSE);
  }

  /** The directory holding {@code rel}, opened, and its last component. */
  private Located locate(String rel, Beneath.Missing missing, Beneath.Links links) {
    List<String> components = components(rel);
    String name = components.get(components.size() - 1);
    int dir =
        beneath.openDir(fd, components.subList(0, components.size() - 1), missing, links, shown);
    return new Located(dir, Beneath.cString(name), shown + "/" + rel);
  }

  private List<String> components(String rel) {
    List<String> components = new ArrayList<>(List.of(rel.split("/", -1)));
    for (String c : components) {
      if (c.isEmpty() || c.equals(".") || c.equals("..") || c.indexOf(0) >= 0) {
        throw new NetrootException(
            "netroot refuses the path " + shown + "/" + rel + ": not a plain path in the image");
      }
    }
    return components;
  }

  /** Runs {@code body} on the located {@code rel}, then closes its directory. */
  private <T> T at(String what, String rel, Beneath.Missing missing, Function<Located, T> body) {
    return guarded(
        what,
        rel,
        () -> {
          try (Located at = locate(rel, missing)) {
            return body.apply(at);
          }
        });
  }

  private void run(String what, String rel, Beneath.Missing missing, Consumer<Located> body) {
    at(
        what,
        rel,
        missing,
        at -> {
          body.accept(at);
          return null;
        });
  }

  /** An error of the C library becomes a message naming the path; never a Java class name. */
  private <T> T guarded(String what, String rel, Supplier<T> body) {
    try {
      return body.get();
    } catch (LastErrorException e) {
      throw Beneath.failure("cannot " + what + " " + shown + "/" + rel, e);
    }
  }
}
