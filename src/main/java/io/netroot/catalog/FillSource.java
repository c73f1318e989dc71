package io.netroot.catalog;

import io.netroot.NetrootException;
import io.netroot.os.Sha256;
import io.netroot.os.Tar;
import io.netroot.os.TarballFile;
import io.netroot.spec.RootImage;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;

/**
 * What fills a root image, as its spec names it: a tarball or a directory on this machine. Each is
 * checked before it is read: a tarball must be a regular file ({@link TarballFile}: a FIFO would
 * make the read wait forever), a directory a directory; a pinned tarball must have its checksum.
 */
final class FillSource {

  private final RootImage.Source source;

  /** The checksum verified in this pass, so a plan does not read a big tarball twice. */
  private String verifiedFor;

  FillSource(RootImage.Source source) {
    this.source = source;
  }

  /** {@code tarball /srv/images/node.tgz} or {@code directory /srv/trees/node}. */
  String describe() {
    return source.tarball() != null
        ? "tarball " + source.tarball().toAbsolutePath()
        : "directory " + source.directory().toAbsolutePath();
  }

  /** The source as the spec names it, pinned checksum included: the first line of the record. */
  String identity() {
    return "filled from " + describe() + pinned();
  }

  /** {@code " sha256 HASH"} when the spec pins one, else empty. */
  String pinned() {
    return source.sha256() != null ? " sha256 " + source.sha256() : "";
  }

  /**
   * Checks that the source can be read and, for a pinned tarball, that its sha256 is the pinned
   * one, so that a plan fails as the apply would. Nothing is unpacked.
   */
  void check() {
    if (source.directory() != null) {
      checkDirectory(source.directory());
      return;
    }
    Path tarball = source.tarball();
    String key = tarball + ":" + lastModified(tarball);
    if (key.equals(verifiedFor)) {
      return;
    }
    try (TarballFile file = TarballFile.open(tarball)) {
      checkPinned(Sha256.ofRest(file.stream()).hex());
    } catch (IOException e) {
      throw new NetrootException(e.getMessage(), e);
    }
    verifiedFor = key;
  }

  /**
   * Unpacks or copies the source into {@code tree}, a new directory ({@link io.netroot.os
   * .FillStage}). The checksum of a tarball is taken of the bytes tar reads, so what is unpacked is
   * what was checked; a mismatch fails after tar and the stage is thrown away.
   *
   * @return the tarball's sha256, or null for a directory
   */
  String unpackInto(Tar tar, Path tree, String image, FillProgress progress) {
    if (source.directory() != null) {
      checkDirectory(source.directory());
      long[] last = {0};
      tar.copyTree(
          source.directory(),
          tree,
          done -> {
            last[0] = done;
            progress.copied(image, done, -1);
          });
      progress.copied(image, last[0], last[0]);
      return null;
    }
    try (TarballFile file = TarballFile.open(source.tarball())) {
      long total = file.size();
      DigestInputStream in = Sha256.hashing(file.stream());
      tar.extract(in, tree, done -> progress.copied(image, done, total));
      progress.copied(image, total, total);
      String actual = Sha256.of(in).hex();
      checkPinned(actual);
      return actual;
    }
  }

  private void checkPinned(String actual) {
    if (source.sha256() != null && !source.sha256().equals(actual)) {
      throw new NetrootException(
          "tarball "
              + source.tarball()
              + " has sha256 "
              + actual
              + " but the spec pins "
              + source.sha256()
              + "; nothing extracted");
    }
  }

  private static void checkDirectory(Path dir) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(dir, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new NetrootException("source directory " + dir + " does not exist");
    } catch (AccessDeniedException e) {
      throw new NetrootException("source directory " + dir + " is not readable");
    } catch (IOException e) {
      throw new NetrootException("cannot read source directory " + dir + ": " + e.getMessage(), e);
    }
    if (!attributes.isDirectory()) {
      throw new NetrootException("source directory " + dir + " is not a directory");
    }
    if (!Files.isReadable(dir) || !Files.isExecutable(dir)) {
      throw new NetrootException("source directory " + dir + " is not readable");
    }
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
}
