package io.netroot.spec;

import static io.netroot.spec.Schema.Type.BOOL;
import static io.netroot.spec.Schema.Type.LIST;
import static io.netroot.spec.Schema.Type.MAP;
import static io.netroot.spec.Schema.Type.STRING;
import static io.netroot.spec.Schema.optional;
import static io.netroot.spec.Schema.required;

import java.nio.file.Path;

/** Binds {@code kind: RootImage}: a directory on the boot server, so an absolute path. */
final class RootImageBinder implements KindBinder {

  private static final Schema SPEC =
      Schema.of(
          "RootImage spec",
          required("path", STRING),
          optional("source", MAP),
          optional("readOnly", BOOL),
          optional("devices", STRING),
          optional("disableServices", LIST));
  private static final Schema SOURCE =
      Schema.of(
          "RootImage spec.source",
          optional("tarball", STRING),
          optional("sha256", STRING),
          optional("directory", STRING));

  @Override
  public Schema spec() {
    return SPEC;
  }

  @Override
  public SpecDocument bind(DocumentContext ctx, MappingReader spec) {
    Boolean readOnly = spec.bool("readOnly");
    return new RootImage(
        ctx.name(),
        Grammar.check(ctx, spec.scalar("path"), ServerPath.ROOT_IMAGE),
        spec.has("source") ? source(ctx, spec) : null,
        readOnly != null && readOnly,
        Values.oneOf(
            ctx, spec.scalar("devices"), RootImage.Devices.class, RootImage.Devices.DEVTMPFS),
        Values.each(ctx, spec.strings("disableServices"), ServiceName.GRAMMAR),
        ctx.origin());
  }

  private static RootImage.Source source(DocumentContext ctx, MappingReader spec) {
    MappingReader source = spec.mapping("source", SOURCE);
    Path tarball = Values.localPath(ctx, source.scalar("tarball"));
    Path directory = Values.localPath(ctx, source.scalar("directory"));
    String sha256 = Values.sha256(ctx, source.scalar("sha256"));
    if (source.has("tarball") == source.has("directory")) {
      ctx.error(
          spec.node("source"),
          spec.child("source")
              + " needs exactly one of tarball or directory (a tarball: {tarball: FILE, sha256:"
              + " HASH}; a directory: {directory: /path})");
    } else if (source.has("sha256") && !source.has("tarball")) {
      ctx.error(
          source.node("sha256"),
          source.child("sha256") + " pins a tarball; a directory source has no checksum");
    }
    return new RootImage.Source(tarball, sha256, directory);
  }
}
