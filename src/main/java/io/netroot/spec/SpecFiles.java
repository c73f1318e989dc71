package io.netroot.spec;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the spec files under a directory: every {@code *.yaml} and {@code *.yml}, sorted. Every
 * entry with such a name is a spec file, whatever it is: a dangling link, a FIFO or a device is
 * reported when it is read ({@link SpecFileReader}), never skipped.
 */
final class SpecFiles {

  private SpecFiles() {}

  /**
   * The spec files, sorted by path so that load order (and so error and output order) does not
   * depend on the filesystem. Problems (missing directory, unreadable subdirectory, no files) go to
   * {@code errors}.
   */
  static List<Path> find(Path specsDir, List<SpecError> errors) {
    Position here = new Position(specsDir.toString(), 1, 1);
    if (!Files.isDirectory(specsDir)) {
      errors.add(
          new SpecError(
              here,
              Files.exists(specsDir)
                  ? "specs directory "
                      + specsDir
                      + " is not a directory; give the directory holding the *.yaml specs"
                  : "specs directory " + specsDir + " does not exist"));
      return List.of();
    }
    List<Path> files = new ArrayList<>();
    try {
      // A specs directory given as a symbolic link is followed (the walk does not follow links,
      // not even the one it starts at); files keep the names the user gave.
      Path start = Files.isSymbolicLink(specsDir) ? specsDir.toRealPath() : specsDir;
      Files.walkFileTree(
          start,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              String name = file.getFileName().toString();
              if (!attrs.isDirectory() && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
                files.add(specsDir.resolve(start.relativize(file)));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              errors.add(
                  new SpecError(
                      new Position(specsDir.resolve(start.relativize(file)).toString(), 1, 1),
                      Text.oneLine("cannot read: " + IoProblems.describe(e))));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException | RuntimeException e) {
      errors.add(
          new SpecError(
              here,
              Text.oneLine(
                  "cannot list specs directory: "
                      + (e instanceof IOException io ? IoProblems.describe(io) : e.getMessage()))));
    }
    if (files.isEmpty() && errors.isEmpty()) {
      errors.add(
          new SpecError(
              here,
              "no spec files (*.yaml or *.yml) under "
                  + specsDir
                  + "; put at least a BootServer there"));
    }
    files.sort(null);
    return files;
  }
}
