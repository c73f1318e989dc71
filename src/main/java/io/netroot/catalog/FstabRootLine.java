package io.netroot.catalog;

import io.netroot.NetrootException;
import io.netroot.os.FileModes;
import io.netroot.os.RootFs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The root line of a root image's {@code /etc/fstab} ({@code SERVER:PATH / nfs OPTIONS 0 0}). Boot
 * scripts remount {@code /} as the fstab says; without this line the boot fails when they try to
 * remount the NFS root read-write. netroot owns this one line, recognised by its mount point {@code
 * /}; every other line is kept byte for byte.
 *
 * <p>The file is handled as ISO-8859-1, one char per byte, so the other lines survive whatever
 * their encoding.
 */
final class FstabRootLine extends BaseResource {

  private final String line;

  FstabRootLine(String path, String description, String line, List<ResourceId> dependsOn) {
    super(idFor(path), StateKind.BLOCK, path, description, dependsOn, List.of());
    this.line = line;
  }

  static ResourceId idFor(String path) {
    return new ResourceId("fstab:" + path);
  }

  @Override
  public Content desired() {
    return Content.text(line + "\n");
  }

  @Override
  public Optional<Content> observe(RootFs root) {
    Optional<String> text = BlockInFile.read(root, path());
    if (text.isEmpty()) {
      return Optional.empty();
    }
    List<String> lines = Lines.split(text.get());
    return rootLine(lines).map(i -> Content.text(lines.get(i).stripTrailing() + "\n"));
  }

  @Override
  public byte[] candidate(RootFs root, Content desired) {
    String wanted = desired.asText().strip();
    Optional<String> current = BlockInFile.read(root, path());
    if (current.isEmpty()) {
      return (wanted + "\n").getBytes(StandardCharsets.ISO_8859_1);
    }
    List<String> lines = new ArrayList<>(Lines.split(current.get()));
    Optional<Integer> at = rootLine(lines);
    if (at.isPresent()) {
      String old = lines.get(at.get());
      lines.set(at.get(), wanted + old.substring(old.stripTrailing().length()));
    } else {
      // before the first mount, so / is mounted (and remounted) before anything below it
      int first = 0;
      while (first < lines.size() && isComment(lines.get(first))) {
        first++;
      }
      if (first > 0 && !lines.get(first - 1).endsWith("\n")) {
        lines.set(first - 1, lines.get(first - 1) + "\n");
      }
      lines.add(first, wanted + "\n");
    }
    return String.join("", lines).getBytes(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void write(RootFs root, Content desired) {
    root.writeFile(
        path(),
        candidate(root, desired),
        BlockInFile.read(root, path()).isPresent() ? null : FileModes.parse("0644"));
  }

  @Override
  public void remove(RootFs root) {
    // never called: the root line is left in place when no spec names the image any more
  }

  /** The index of the line that mounts {@code /}; two of them is an error, never a guess. */
  private Optional<Integer> rootLine(List<String> lines) {
    Integer found = null;
    for (int i = 0; i < lines.size(); i++) {
      if (isComment(lines.get(i))) {
        continue;
      }
      String[] fields = lines.get(i).strip().split("\\s+");
      if (fields.length >= 2 && fields[1].equals("/")) {
        if (found != null) {
          throw new NetrootException(
              path()
                  + " has two lines that mount / (lines "
                  + (found + 1)
                  + " and "
                  + (i + 1)
                  + "); netroot does not guess which one is the root; remove one");
        }
        found = i;
      }
    }
    return Optional.ofNullable(found);
  }

  private static boolean isComment(String line) {
    String s = line.strip();
    return s.isEmpty() || s.startsWith("#");
  }

  /** Splits text into lines that keep their line ends, so joining them gives the text back. */
  static final class Lines {
    private Lines() {}

    static List<String> split(String text) {
      List<String> lines = new ArrayList<>();
      int start = 0;
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          lines.add(text.substring(start, i + 1));
          start = i + 1;
        }
      }
      if (start < text.length()) {
        lines.add(text.substring(start));
      }
      return lines;
    }
  }
}
