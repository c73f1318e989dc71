package io.netroot.catalog;

import io.netroot.os.AtomicFile;
import io.netroot.os.DeviceFiles;
import io.netroot.os.ImageDir;
import io.netroot.os.RootFs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A resource whose file lies inside a root image, which a diskless client controls byte for byte,
 * links included. Before such a file is overwritten, the engine backs up what these methods read
 * beneath the image without following a link, never whatever the path leads to: a client's {@code
 * etc/fstab -> /root/secret} must not put the secret into the backups.
 */
public interface FileInImage {

  /** The image's server path. */
  String image();

  /** Where the file lies inside the image, without a leading slash. */
  String relInImage();

  /** Whether a regular file (not a link, not a node) is at the resource's path now. */
  default boolean hasRegularFile(RootFs root) {
    return ImageDir.whenPresent(
            root.resolve(image()),
            image(),
            img -> img.look(relInImage()).filter(n -> n.type() == DeviceFiles.Type.REGULAR))
        .isPresent();
  }

  /**
   * The regular file at the resource's path as it is now, or empty when there is none (a link there
   * is not read). A link on the way is an error.
   */
  default Optional<byte[]> currentFile(RootFs root) {
    return ImageDir.whenPresent(
        root.resolve(image()), image(), img -> img.readIfRegular(relInImage()));
  }

  /**
   * Finds, and with {@code remove} removes, the temporary files a killed run left beside the file,
   * beneath the image: the image is the client's, so the server-side sweep, which resolves paths,
   * never walks into it.
   */
  default List<String> sweepTemps(RootFs root, boolean remove) {
    String rel = relInImage();
    int slash = rel.lastIndexOf('/');
    String dir = slash < 0 ? "" : rel.substring(0, slash);
    return ImageDir.whenPresent(
            root.resolve(image()), image(), img -> Optional.of(sweep(img, image(), dir, remove)))
        .orElse(List.of());
  }

  /**
   * The temporary files ({@link AtomicFile#isTemp}) in the directory {@code dir} of {@code img}
   * (the image at the server path {@code image}), as server paths; with {@code remove}, each is
   * unlinked. Only regular files and links are taken: a directory of that name is the client's and
   * stays. Nothing is followed.
   */
  private static List<String> sweep(ImageDir img, String image, String dir, boolean remove) {
    List<String> found = new ArrayList<>();
    for (String name : img.list(dir)) {
      String rel = dir.isEmpty() ? name : dir + "/" + name;
      if (AtomicFile.isTemp(name)
          && img.look(rel)
              .filter(
                  n -> n.type() == DeviceFiles.Type.REGULAR || n.type() == DeviceFiles.Type.SYMLINK)
              .isPresent()) {
        found.add(image + "/" + rel);
        if (remove) {
          img.remove(rel);
        }
      }
    }
    return found;
  }
}
