package io.netroot.catalog;

import io.netroot.os.ImageDir;
import io.netroot.os.RootFs;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The kernel or the initramfs of a root image, published to the TFTP root ({@code Kernel
 * fromImage}): the newest {@code /boot/vmlinuz-RELEASE} of the image and its {@code
 * /boot/initrd.img-RELEASE}, read beneath the image without following a link. A rebuild with a
 * newer kernel publishes the new one under the same TFTP name.
 *
 * <p>Before the image is built (in a plan from an empty server) there is nothing to read yet: the
 * file is planned as what the build will give ({@link ContentNotReadyException}).
 */
final class ImageKernelFile extends WholeFile {

  /** Which of the two files. */
  enum Part {
    KERNEL("vmlinuz-"),
    INITRD("initrd.img-");

    final String prefix;

    Part(String prefix) {
      this.prefix = prefix;
    }
  }

  /**
   * The biggest kernel or initramfs read from an image: an initramfs with every network driver
   * ({@code MODULES=netboot}) is some 30 MiB, more than other files read back from an image.
   */
  static final int MAX_BYTES = 512 << 20;

  private final String image;
  private final String imageName;
  private final Part part;
  private final RootFs root;

  ImageKernelFile(
      String path,
      String description,
      RootFs root,
      String image,
      String imageName,
      Part part,
      List<ResourceId> dependsOn) {
    super(path, description, "0644", dependsOn);
    this.root = root;
    this.image = image;
    this.imageName = imageName;
    this.part = part;
  }

  @Override
  Content render() {
    Optional<byte[]> bytes =
        ImageDir.whenPresent(
            root.resolve(image),
            image,
            dir ->
                newestRelease(dir)
                    .flatMap(release -> dir.readFile("boot/" + part.prefix + release, MAX_BYTES)));
    if (bytes.isEmpty()) {
      throw new ContentNotReadyException(
          "root image "
              + imageName
              + " has no /boot/"
              + part.prefix
              + "* yet"
              + (part == Part.KERNEL
                  ? " (it comes from its build; add a kernel package such as linux-image-amd64 to"
                      + " spec.build.packages if the build has none)"
                  : " (its initramfs comes from its build: initramfs-tools in spec.build.packages)"));
    }
    return Content.binary(bytes.get());
  }

  /** The release of the image's newest kernel, by its version numbers. */
  static Optional<String> newestRelease(ImageDir dir) {
    return dir.list("boot").stream()
        .filter(n -> n.startsWith(Part.KERNEL.prefix))
        .map(n -> n.substring(Part.KERNEL.prefix.length()))
        .filter(r -> !r.isEmpty())
        .max(Comparator.comparing(r -> r, ImageKernelFile::compareReleases));
  }

  /**
   * Compares kernel releases as their numbers, then as text: {@code 6.1.0-9} before {@code
   * 6.1.0-13}.
   */
  static int compareReleases(String a, String b) {
    String[] x = a.split("(?<=\\d)(?=\\D)|(?<=\\D)(?=\\d)");
    String[] y = b.split("(?<=\\d)(?=\\D)|(?<=\\D)(?=\\d)");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c;
      if (Character.isDigit(x[i].charAt(0)) && Character.isDigit(y[i].charAt(0))) {
        c = new java.math.BigInteger(x[i]).compareTo(new java.math.BigInteger(y[i]));
      } else {
        c = x[i].compareTo(y[i]);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }

  @Override
  boolean isText() {
    return false;
  }
}
