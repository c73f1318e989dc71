package io.netroot.catalog;

import io.netroot.NetrootException;
import io.netroot.os.AtomicFile;
import io.netroot.os.DeviceFiles;
import io.netroot.os.FileModes;
import io.netroot.os.ImageDir;
import io.netroot.os.RootFs;
import io.netroot.os.Tar;
import io.netroot.spec.RootImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Fills an empty root image once, from a tarball or a directory on this machine. A marker under
 * {@code <root>/var/lib/netroot/images/} records what it was filled from; the marker is what is
 * observed, so a filled image is never filled again, and an image netroot did not fill is never
 * overwritten.
 */
final class ImageFill extends BaseResource {

  /** Where the markers live, one per image. */
  static final String MARKERS = "/var/lib/netroot/images/";

  private final RootImage.Source source;
  private final FillProgress progress;
  private final Tar tar = new Tar();

  /** The checksum verified in this pass, so a fill does not read a big tarball twice. */
  private String verifiedFor;

  ImageFill(String imagePath, RootImage.Source source, String origin, FillProgress progress) {
    super(
        idFor(imagePath),
        StateKind.FILE,
        imagePath,
        "root image filled from " + describe(source) + named(origin),
        List.of(),
        List.of());
    this.source = source;
    this.progress = progress;
  }

  static ResourceId idFor(String imagePath) {
    return new ResourceId("image:" + imagePath);
  }

  private static String describe(RootImage.Source source) {
    return source.tarball() != null
        ? "tarball " + source.tarball().toAbsolutePath()
        : "directory " + source.directory().toAbsolutePath();
  }

  private static String named(String origin) {
    return origin == null ? "" : " (named at " + origin + ")";
  }

  /** The first line of the marker: the source as the spec names it, pinned checksum included. */
  private String identity() {
    return "filled from "
        + describe(source)
        + (source.sha256() != null ? " sha256 " + source.sha256() : "");
  }

  @Override
  public Content desired() {
    return Content.text(identity() + "\n");
  }

  @Override
  public Optional<Content> observe(RootFs root) {
    Optional<String> marker = readMarker(root);
    boolean empty =
        ImageDir.whenPresent(root.resolve(path()), path(), img -> Optional.of(isEmpty(img)))
            .orElse(true);
    if (empty) {
      // nothing there (or emptied by hand since the fill): it will be filled; check the source now,
      // so plan fails the same way apply would
      checkSource();
      return Optional.empty();
    }
    if (marker.isEmpty()) {
      throw new NetrootException(
          "root image "
              + path()
              + " is not empty and netroot did not fill it; netroot never overwrites a non-empty"
              + " image it did not fill. To fill it from "
              + describe(source)
              + ", empty the directory; to keep its files, remove spec.source");
    }
    if (!marker.get().equals(identity())) {
      throw new NetrootException(
          "root image "
              + path()
              + " was "
              + marker.get()
              + ", but the spec now names "
              + describe(source)
              + (source.sha256() != null ? " sha256 " + source.sha256() : "")
              + "; netroot will not refill a filled image. Empty the directory to have it"
              + " refilled, or name the old source again");
    }
    return Optional.of(desired());
  }

  @Override
  public byte[] candidate(RootFs root, Content desired) {
    return desired.bytes();
  }

  @Override
  public void write(RootFs root, Content desired) {
    Path image = root.resolve(path());
    String actualSha = checkSource();
    try (ImageDir img = ImageDir.create(image, path())) {
      if (!isEmpty(img)) {
        throw new NetrootException("root image " + path() + " is no longer empty; not filling it");
      }
      fill(image, img);
    }
    String marker =
        identity() + "\n" + (actualSha != null ? "tarball sha256 " + actualSha + "\n" : "");
    AtomicFile.write(
        markerPath(root), marker.getBytes(StandardCharsets.UTF_8), FileModes.parse("0644"));
  }

  /**
   * Unpacks or copies the source into the empty image. The image path was checked to be the
   * directory itself, not a link, and tar never follows a link already there (see {@link Tar}).
   */
  private void fill(Path image, ImageDir img) {
    try {
      if (source.tarball() != null) {
        long total = Files.size(source.tarball());
        tar.extract(source.tarball(), image, done -> progress.copied(path(), done, total));
        progress.copied(path(), total, total);
      } else {
        long[] last = {0};
        tar.copyTree(
            source.directory(),
            image,
            done -> {
              last[0] = done;
              progress.copied(path(), done, -1);
            });
        progress.copied(path(), last[0], last[0]);
      }
    } catch (IOException | NetrootException e) {
      // the image was empty before: leave it empty, so the next apply can fill it again
      emptyOut(img);
      throw e instanceof NetrootException n
          ? n
          : new NetrootException("cannot fill " + path() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void remove(RootFs root) {
    // never called: a root image is left as it is when no spec names it any more
  }

  /**
   * Checks that the source can be read and, for a pinned tarball, that its sha256 is the pinned
   * one; nothing is extracted otherwise. Returns the tarball's sha256, or null for a directory.
   */
  private String checkSource() {
    if (source.directory() != null) {
      if (!Files.isDirectory(source.directory())) {
        throw new NetrootException("source directory " + source.directory() + " does not exist");
      }
      return null;
    }
    Path tarball = source.tarball();
    String key = tarball + ":" + lastModified(tarball);
    if (verifiedFor != null && verifiedFor.startsWith(key + "=")) {
      return verifiedFor.substring(key.length() + 1);
    }
    String actual = sha256(tarball);
    if (source.sha256() != null && !source.sha256().equals(actual)) {
      throw new NetrootException(
          "tarball "
              + tarball
              + " has sha256 "
              + actual
              + " but the spec pins "
              + source.sha256()
              + "; nothing extracted");
    }
    verifiedFor = key + "=" + actual;
    return actual;
  }

  private static String lastModified(Path file) {
    try {
      return Files.getLastModifiedTime(file) + ":" + Files.size(file);
    } catch (NoSuchFileException e) {
      throw new NetrootException("source tarball " + file + " does not exist");
    } catch (IOException e) {
      throw new NetrootException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static String sha256(Path file) {
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchFileException e) {
      throw new NetrootException("source tarball " + file + " does not exist");
    } catch (IOException e) {
      throw new NetrootException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private Path markerPath(RootFs root) {
    String name = URLEncoder.encode(path().substring(1), StandardCharsets.UTF_8);
    return root.resolve(MARKERS + name);
  }

  /** The marker's first line, or empty when netroot never filled this image. */
  private Optional<String> readMarker(RootFs root) {
    try {
      return Files.readAllLines(markerPath(root), StandardCharsets.UTF_8).stream().findFirst();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new NetrootException(
          "cannot read the fill record of " + path() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether the image holds nothing, looked at without following a link. A {@code lost+found}
   * directory alone counts as empty: it is what a fresh filesystem made for the image holds.
   */
  private static boolean isEmpty(ImageDir img) {
    for (String name : img.list("")) {
      boolean lostAndFound =
          name.equals("lost+found")
              && img.look(name).filter(n -> n.type() == DeviceFiles.Type.DIRECTORY).isPresent();
      if (!lostAndFound) {
        return false;
      }
    }
    return true;
  }

  /** Removes what a failed fill left, without following a link; lost+found stays. */
  private void emptyOut(ImageDir img) {
    try {
      for (String name : img.list("")) {
        if (!name.equals("lost+found")) {
          img.removeTree(name);
        }
      }
    } catch (NetrootException e) {
      throw new NetrootException(
          "a fill of "
              + path()
              + " failed and its partial files could not be removed: "
              + e.getMessage(),
          e);
    }
  }
}
