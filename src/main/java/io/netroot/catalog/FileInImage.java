package io.netroot.catalog;

import io.netroot.os.DeviceFiles;
import io.netroot.os.ImageDir;
import io.netroot.os.RootFs;
import java.util.Optional;

/**
 * A resource whose file lies inside a root image, which a diskless client controls byte for byte,
 * links included. Before such a file is overwritten, the engine backs up what these methods read
 * beneath the image without following a link, never whatever the path leads to: a client's {@code
 * etc/fstab -> /root/secret} must not put the secret into the backups.
 */
public interface FileInImage {

  /** Whether a regular file (not a link, not a node) is at the resource's path now. */
  boolean hasRegularFile(RootFs root);

  /**
   * The regular file at the resource's path as it is now, or empty when there is none (a link there
   * is not read). A link on the way to it is an error.
   */
  Optional<byte[]> currentFile(RootFs root);

  /**
   * Whether a regular file is at {@code rel} beneath the image at {@code image}, no link followed.
   */
  static boolean regularFileAt(RootFs root, String image, String rel) {
    return ImageDir.whenPresent(
            root.resolve(image),
            image,
            img -> img.look(rel).filter(n -> n.type() == DeviceFiles.Type.REGULAR))
        .isPresent();
  }

  /** The regular file at {@code rel} beneath the image, or empty; a link there is not read. */
  static Optional<byte[]> regularFileContent(RootFs root, String image, String rel) {
    return ImageDir.whenPresent(root.resolve(image), image, img -> img.readIfRegular(rel));
  }
}
