package io.netroot.catalog;

import io.netroot.NetrootException;
import io.netroot.os.Found;
import io.netroot.os.ImageDir;
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
 * their encoding. It is read and replaced inside the image without following a link ({@link
 * ImageDir}): {@code etc -> /elsewhere/etc} or {@code etc/fstab -> /root/secret} is an error, and
 * nothing is read or written through it.
 */
final class FstabRootLine extends BaseResource implements FileInImage {

  private static final String FSTAB = "etc/fstab";

  private final String image;
  private final String line;

  /**
   * The fstab the last observe read (one char per byte; empty when missing), or null when this
   * resource was not observed: what the candidate and the write start from.
   */
  private Optional<String> observed;

  /** Whether the last observe found the fstab without a root line. */
  private boolean lineMissing;

  FstabRootLine(String image, String description, String line, List<ResourceId> dependsOn) {
    super(
        idFor(image + "/" + FSTAB),
        StateKind.BLOCK,
        image + "/" + FSTAB,
        description,
        dependsOn,
        List.of());
    this.image = image;
    this.line = line;
  }

  static ResourceId idFor(String path) {
    return new ResourceId(ResourceId.Kind.FSTAB, path);
  }

  @Override
  public Content desired() {
    return Content.text(line + "\n");
  }

  /** The fstab as it is, read inside the image without following a link; empty when missing. */
  private Optional<String> read(RootFs root) {
    return ImageDir.whenPresent(root.resolve(image), image, img -> img.readFile(FSTAB))
        .map(bytes -> new String(bytes, StandardCharsets.ISO_8859_1));
  }

  @Override
  public Optional<Content> observe(RootFs root) {
    observed = null;
    lineMissing = false;
    Optional<String> text = read(root);
    observed = text;
    if (text.isEmpty()) {
      return Optional.empty();
    }
    List<String> lines = Lines.split(text.get());
    Optional<Content> found =
        rootLine(lines).map(i -> Content.text(lines.get(i).stripTrailing() + "\n"));
    lineMissing = found.isEmpty();
    return found;
  }

  @Override
  public Optional<String> missingFromExistingFile() {
    return lineMissing ? Optional.of("root line") : Optional.empty();
  }

  /** The fstab the last observe read, as bytes, or nothing when it was missing. */
  @Override
  public Optional<Found> observedFile() {
    if (observed == null) {
      return Optional.empty();
    }
    return Optional.of(
        observed
            .<Found>map(text -> new Found.File(text.getBytes(StandardCharsets.ISO_8859_1)))
            .orElseGet(Found.Nothing::new));
  }

  @Override
  public byte[] candidate(RootFs root, Content desired) {
    return candidate(observed != null ? observed : read(root), desired);
  }

  private byte[] candidate(Optional<String> current, Content desired) {
    String wanted = desired.asText().strip();
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
    try (ImageDir img = ImageDir.create(root.resolve(image), image)) {
      Optional<String> current =
          img.readFile(FSTAB).map(bytes -> new String(bytes, StandardCharsets.ISO_8859_1));
      if (observed != null && !observed.equals(current)) {
        throw new ChangedOnDiskException(path());
      }
      // the old file's permissions, never its set-id bits: the new file is root's
      int mode =
          current.isPresent() ? img.look(FSTAB).map(n -> n.mode() & 0777).orElse(0644) : 0644;
      img.writeFile(FSTAB, candidate(current, desired), mode);
      observed = null;
      lineMissing = false;
    }
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

  @Override
  public String image() {
    return image;
  }

  @Override
  public String relInImage() {
    return FSTAB;
  }
}
