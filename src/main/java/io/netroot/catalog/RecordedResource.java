package io.netroot.catalog;

import io.netroot.catalog.Resource.StateKind;
import io.netroot.os.RootFs;
import io.netroot.render.ManagedBlock;
import java.util.List;
import java.util.Optional;

/**
 * Something netroot applied earlier that no spec produces any more: known only from the state file,
 * it can be observed and removed, never written.
 */
public final class RecordedResource implements Removable {

  private final ResourceId id;
  private final String path;
  private final StateKind kind;

  public RecordedResource(ResourceId id, String path, StateKind kind) {
    this.id = id;
    this.path = path;
    this.kind = kind;
  }

  @Override
  public ResourceId id() {
    return id;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public String description() {
    return switch (kind) {
      case BLOCK -> "netroot block no spec produces";
      case SETTINGS -> "settings no spec produces any more (left as they are)";
      case SERVICE -> "service no spec needs any more (left as it is)";
      case FILE -> "file no spec produces";
    };
  }

  @Override
  public StateKind stateKind() {
    return kind;
  }

  /**
   * Whether this is a part of a root image (its fill, fstab line, device nodes, disabled services)
   * rather than a file or block. Those are left as they are when no spec names them any more:
   * netroot never deletes inside a root filesystem on its own, and reading a device node as a file
   * could block or never end. The record is only dropped.
   */
  private boolean leftInPlace() {
    return id.kind() != ResourceId.Kind.FILE && id.kind() != ResourceId.Kind.BLOCK;
  }

  @Override
  public Optional<Content> observe(RootFs root) {
    if (leftInPlace()) {
      return Optional.empty();
    }
    if (kind == StateKind.BLOCK) {
      return BlockInFile.read(root, path)
          .flatMap(ManagedBlock.HASH_COMMENTS::find)
          .map(
              located ->
                  Content.binaryOrText(
                      located.text().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), true));
    }
    return new ManagedFile(path, "", List.of(), () -> "").observe(root);
  }

  @Override
  public void remove(RootFs root) {
    if (leftInPlace()) {
      return;
    }
    if (kind == StateKind.BLOCK) {
      BlockInFile.removeBlock(root, path, ManagedBlock.HASH_COMMENTS);
    } else {
      WholeFile.removeFile(root, path);
    }
  }
}
