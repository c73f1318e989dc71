package io.netroot.spec;

import static io.netroot.spec.Schema.Type.STRING;
import static io.netroot.spec.Schema.optional;
import static io.netroot.spec.Schema.required;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Binds {@code kind: Kernel}. Relative image paths resolve against the spec file's directory, so a
 * specs repository can carry its kernels next to the YAML and work from any working directory.
 */
final class KernelBinder implements KindBinder {

  private static final Schema SPEC =
      Schema.of(
          "Kernel spec",
          required("image", STRING),
          optional("initrd", STRING),
          optional("sha256", STRING));

  @Override
  public Schema spec() {
    return SPEC;
  }

  @Override
  public SpecDocument bind(DocumentContext ctx, MappingReader spec) {
    return new Kernel(
        ctx.name(),
        localPath(ctx, spec.scalar("image")),
        localPath(ctx, spec.scalar("initrd")),
        Values.sha256(ctx, spec.scalar("sha256")),
        ctx.origin());
  }

  private static Path localPath(DocumentContext ctx, Scalar scalar) {
    if (scalar == null) {
      return null;
    }
    if (scalar.value().isEmpty()) {
      ctx.error(scalar.node(), scalar.path() + " is empty; give the path of the file");
      return null;
    }
    try {
      Path path = Path.of(scalar.value());
      if (path.isAbsolute()) {
        return path;
      }
      return ctx.file().toAbsolutePath().getParent().resolve(path).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      ctx.error(
          scalar.node(),
          scalar.path()
              + " "
              + Text.quote(scalar.value())
              + " is not a valid path: "
              + e.getReason());
      return null;
    }
  }
}
