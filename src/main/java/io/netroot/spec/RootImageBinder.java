package io.netroot.spec;

import static io.netroot.spec.Schema.Type.STRING;
import static io.netroot.spec.Schema.required;

/** Binds {@code kind: RootImage}: a directory on the boot server, so an absolute path. */
final class RootImageBinder implements KindBinder {

  private static final Schema SPEC = Schema.of("RootImage spec", required("path", STRING));

  @Override
  public Schema spec() {
    return SPEC;
  }

  @Override
  public SpecDocument bind(DocumentContext ctx, MappingReader spec) {
    return new RootImage(ctx.name(), Values.absolutePath(ctx, spec.scalar("path")), ctx.origin());
  }
}
