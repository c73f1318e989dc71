package io.netroot.catalog;

import io.netroot.os.ImageDir;
import io.netroot.os.RootFs;
import io.netroot.spec.RootImage;
import java.util.List;
import java.util.Optional;

/**
 * A whole file netroot keeps inside a root image ({@code spec.files}): planned, applied, drift-
 * checked and backed up like any managed file. It is read and written beneath the image without
 * following a link, since the image's clients may have put one anywhere. When no spec names it any
 * more it is left in the image, as everything netroot wrote inside an image is.
 */
final class ImageFile extends BaseResource implements FileInImage {

  private final String image;
  private final String rel;
  private final RootImage.ImageFile file;

  ImageFile(String image, String imageName, RootImage.ImageFile file, List<ResourceId> dependsOn) {
    super(
        new ResourceId(ResourceId.Kind.IMAGEFILE, image + file.path()),
        StateKind.FILE,
        image + file.path(),
        "file " + file.path() + " in root image " + imageName + " (named at " + file.origin() + ")",
        dependsOn,
        List.of());
    this.image = image;
    this.rel = file.path().substring(1);
    this.file = file;
  }

  @Override
  public Content desired() {
    return Content.text(file.content());
  }

  @Override
  public Optional<Content> observe(RootFs root) {
    return ImageDir.whenPresent(root.resolve(image), image, img -> img.readFile(rel))
        .map(bytes -> Content.binaryOrText(bytes, true));
  }

  @Override
  public byte[] candidate(RootFs root, Content desired) {
    return desired.bytes();
  }

  @Override
  public void write(RootFs root, Content desired) {
    try (ImageDir dir = ImageDir.create(root.resolve(image), image)) {
      dir.writeFile(rel, desired.bytes(), file.mode());
    }
  }

  @Override
  public void remove(RootFs root) {
    // never called: files inside an image are left there when no spec names them any more
  }

  @Override
  public String image() {
    return image;
  }

  @Override
  public String relInImage() {
    return rel;
  }
}
