package io.netroot.catalog;

import io.netroot.NetrootException;
import io.netroot.os.AtomicFile;
import io.netroot.os.FileModes;
import io.netroot.os.FillLeftovers;
import io.netroot.os.FillStage;
import io.netroot.os.RootFs;
import io.netroot.os.Tar;
import io.netroot.spec.RootImage;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Fills an empty root image once, from a tarball or a directory on this machine. A marker under
 * {@code <root>/var/lib/netroot/images/} records what it was filled from; the marker is what is
 * observed, so a filled image is never filled again, and an image netroot did not fill is never
 * overwritten.
 *
 * <p>The fill is unpacked into a stage beside the image and renamed into place ({@link FillStage}),
 * so the image is missing or empty until it is whole. A fill killed midway leaves only the stage,
 * which the next apply recognises and removes before it fills again ({@link FillLeftovers}). The
 * marker is written just before the rename: written after it, a kill in between would leave a whole
 * image that netroot no longer knows it filled, and refuses.
 */
final class ImageFill extends BaseResource {

  /** Where the markers live, one per image. */
  static final String MARKERS = "/var/lib/netroot/images/";

  private final FillSource source;
  private final FillProgress progress;
  private final Tar tar;

  ImageFill(String imagePath, RootImage.Source source, String origin, FillProgress progress) {
    this(imagePath, source, origin, progress, new Tar());
  }

  ImageFill(
      String imagePath, RootImage.Source source, String origin, FillProgress progress, Tar tar) {
    super(
        idFor(imagePath),
        StateKind.FILE,
        imagePath,
        "root image filled from " + new FillSource(source).describe() + named(origin),
        List.of(),
        List.of());
    this.source = new FillSource(source);
    this.progress = progress;
    this.tar = tar;
  }

  static ResourceId idFor(String imagePath) {
    return new ResourceId(ResourceId.Kind.IMAGE, imagePath);
  }

  private static String named(String origin) {
    return origin == null ? "" : " (named at " + origin + ")";
  }

  @Override
  public Content desired() {
    return Content.text(source.identity() + "\n");
  }

  @Override
  public Optional<Content> observe(RootFs root) {
    Optional<String> marker = readMarker(root);
    FillLeftovers.Seen seen = FillLeftovers.inspect(root.resolve(path()), path());
    if (seen.unfinished()) {
      // a fill killed while it moved into a mount-point image: the apply finishes it
      return Optional.empty();
    }
    if (seen.empty()) {
      // nothing there (or emptied by hand since the fill): it will be filled; check the source now,
      // so plan fails the same way apply would
      source.check();
      return Optional.empty();
    }
    if (marker.isEmpty()) {
      throw new NetrootException(
          "root image "
              + path()
              + " is not empty and netroot did not fill it; netroot never overwrites a non-empty"
              + " image it did not fill. To fill it from "
              + source.describe()
              + ", empty the directory; to keep its files, remove spec.source");
    }
    if (!marker.get().equals(source.identity())) {
      throw new NetrootException(
          "root image "
              + path()
              + " was "
              + marker.get()
              + ", but the spec now names "
              + source.describe()
              + source.pinned()
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
    if (FillLeftovers.clear(image, path())) {
      // an interrupted fill past its point of no return is whole now; its marker was written
      return;
    }
    if (!FillLeftovers.inspect(image, path()).empty()) {
      throw new NetrootException("root image " + path() + " is no longer empty; not filling it");
    }
    source.check();
    try (FillStage stage = FillStage.begin(image, path())) {
      String sha;
      try {
        sha = source.unpackInto(tar, stage.tree(), path(), progress);
      } catch (NetrootException e) {
        throw new NetrootException(
            "cannot fill " + path() + " from " + source.describe() + ": " + e.getMessage(), e);
      }
      Optional<byte[]> before = readMarkerBytes(root);
      String marker =
          source.identity() + "\n" + (sha != null ? "tarball sha256 " + sha + "\n" : "");
      writeMarker(root, marker.getBytes(StandardCharsets.UTF_8));
      try {
        stage.commit();
      } catch (NetrootException e) {
        if (!stage.pastNoReturn()) {
          restoreMarker(root, before);
        }
        throw e;
      }
    }
  }

  @Override
  public void remove(RootFs root) {
    // never called: a root image is left as it is when no spec names it any more
  }

  private Path markerPath(RootFs root) {
    String name = URLEncoder.encode(path().substring(1), StandardCharsets.UTF_8);
    return root.resolve(MARKERS + name);
  }

  private void writeMarker(RootFs root, byte[] content) {
    AtomicFile.write(markerPath(root), content, FileModes.parse("0644"));
  }

  /** Puts back the marker as it was before a fill whose rename failed. */
  private void restoreMarker(RootFs root, Optional<byte[]> before) {
    try {
      if (before.isPresent()) {
        writeMarker(root, before.get());
      } else {
        Files.deleteIfExists(markerPath(root));
      }
    } catch (IOException | NetrootException e) {
      // the marker then claims a fill that did not happen: of an image that is still empty (it is
      // filled again next time), or of files someone put there meanwhile; the failure of the fill
      // is the error worth reporting
    }
  }

  /** The marker's first line, or empty when netroot never filled this image. */
  private Optional<String> readMarker(RootFs root) {
    return readMarkerBytes(root)
        .flatMap(b -> new String(b, StandardCharsets.UTF_8).lines().findFirst().map(String::strip));
  }

  private Optional<byte[]> readMarkerBytes(RootFs root) {
    try {
      return Optional.of(Files.readAllBytes(markerPath(root)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new NetrootException(
          "cannot read the fill record of " + path() + ": " + e.getMessage(), e);
    }
  }
}
