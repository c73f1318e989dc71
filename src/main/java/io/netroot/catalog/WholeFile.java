package io.netroot.catalog;

import io.netroot.NetrootException;
import io.netroot.os.AtomicFile;
import io.netroot.os.FileModes;
import io.netroot.os.Found;
import io.netroot.os.ModeAndOwner;
import io.netroot.os.RootFs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.List;
import java.util.Optional;

/**
 * A file netroot owns whole: its content is exactly the desired content, and its mode and owner
 * exactly the given mode and netroot's own user (root on a boot server).
 */
abstract class WholeFile extends FileResource {

  private final String mode;

  /** The mode and owner, known once the process's user is asked for. */
  private ModeAndOwner wanted;

  WholeFile(String path, String description, String mode, List<ResourceId> dependsOn) {
    this(path, description, mode, dependsOn, List.of());
  }

  WholeFile(
      String path,
      String description,
      String mode,
      List<ResourceId> dependsOn,
      List<ServiceAction> notifies) {
    super(idFor(path), StateKind.FILE, path, description, dependsOn, notifies);
    this.mode = mode;
  }

  /** The id every whole file gets: {@code file:PATH}. */
  static ResourceId idFor(String path) {
    return new ResourceId(ResourceId.Kind.FILE, path);
  }

  @Override
  ModeAndOwner wanted(ModeAndOwner found) {
    if (wanted == null) {
      wanted = ModeAndOwner.ofProcess(Integer.parseInt(mode, 8));
    }
    return wanted;
  }

  /** The last desired content this resource gave, to compare what is read back with. */
  private Content lastDesired;

  /** Whether the content is text (shown as diffs, kept in the state file) rather than binary. */
  abstract boolean isText();

  /** Produces the desired content; {@link #desired} remembers it. */
  abstract Content render();

  /** What is checked in the desired content each pass; none unless {@link #audited}. */
  private ContentAudit audit = ContentAudit.NONE;

  /** What the audit said of the last desired content. */
  private List<String> lastWarnings = List.of();

  /**
   * Has every desired content checked by {@code audit} (a kernel's Secure Boot signature); called
   * once, while the catalog is being compiled.
   */
  WholeFile audited(ContentAudit audit) {
    this.audit = audit;
    return this;
  }

  @Override
  public final Content desired() {
    Content content = render();
    lastWarnings = audit.check(content);
    lastDesired = content;
    return content;
  }

  @Override
  public List<String> warnings() {
    return lastWarnings;
  }

  /**
   * The file as it is. A symbolic link in its place is drift, shown as the link it is: what it
   * points to is never read, so a link to a secret cannot copy the secret into a plan, the state or
   * a backup.
   */
  @Override
  public Optional<Content> observe(RootFs root) {
    forgetObserved();
    Found found;
    try {
      found = root.observe(path());
    } catch (IOException e) {
      // checked only now: one stat less for each of the many files that read well
      if (Files.isDirectory(root.resolve(path()), LinkOption.NOFOLLOW_LINKS)) {
        throw new NetrootException(path() + " is a directory where netroot manages a file", e);
      }
      throw new NetrootException("cannot read " + path() + ": " + AtomicFile.describe(e), e);
    }
    sawFile(root, found instanceof Found.File);
    if (found instanceof Found.File file) {
      Content content = Content.readBack(file.bytes(), isText(), lastDesired);
      // Kept as the desired content's own bytes when they are equal: no second copy is held.
      if (content == lastDesired) {
        observed(new Found.File(content.bytes()));
        root.observedAs(path(), content.bytes());
      } else {
        observed(found);
      }
      return Optional.of(content);
    }
    observed(found);
    if (found instanceof Found.Link link) {
      return Optional.of(replacedByLink(link, isText()));
    }
    return Optional.empty();
  }

  /** What a file replaced by a symbolic link reads as: the link, never its target's bytes. */
  static Content replacedByLink(Found.Link link, boolean text) {
    return Content.binaryOrText(
        ("replaced by a symbolic link to " + link.target() + "\n").getBytes(StandardCharsets.UTF_8),
        text);
  }

  @Override
  public byte[] candidate(RootFs root, Content desired) {
    return desired.bytes();
  }

  @Override
  public void write(RootFs root, Content desired) {
    refuseIfChanged(root);
    root.writeFile(path(), desired.bytes(), FileModes.parse(mode));
    wrote();
  }

  @Override
  public void remove(RootFs root) {
    removeFile(root, path());
  }

  static void removeFile(RootFs root, String path) {
    try {
      root.remove(path);
    } catch (IOException e) {
      throw new NetrootException("cannot remove " + path + ": " + AtomicFile.describe(e), e);
    }
  }
}
