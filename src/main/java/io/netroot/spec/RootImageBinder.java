package io.netroot.spec;

import static io.netroot.spec.Schema.Type.BOOL;
import static io.netroot.spec.Schema.Type.LIST;
import static io.netroot.spec.Schema.Type.STRING;
import static io.netroot.spec.Schema.listOf;
import static io.netroot.spec.Schema.optional;
import static io.netroot.spec.Schema.required;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds {@code kind: RootImage}: a directory on the boot server, so an absolute path; what fills it
 * (a {@code source}, or a {@code build} from distribution packages), the per-node overlay over a
 * read-only root, and the files kept inside it.
 */
final class RootImageBinder implements KindBinder {

  private static final Schema SOURCE =
      Schema.of(
          "RootImage spec.source",
          optional("tarball", STRING),
          optional("sha256", STRING),
          optional("directory", STRING));
  private static final Schema BUILD =
      Schema.of(
          "RootImage spec.build",
          required("distribution", RootImage.Distribution.class),
          required("suite", STRING),
          optional("packages", LIST),
          optional("mirror", STRING),
          optional("packageCache", STRING));
  private static final Schema FILE =
      Schema.of(
          "RootImage spec.files item",
          required("path", STRING),
          required("content", STRING),
          optional("mode", STRING));
  private static final Schema SPEC =
      Schema.of(
          "RootImage spec",
          required("path", STRING),
          optional("source", SOURCE),
          optional("build", BUILD),
          optional("readOnly", BOOL),
          optional("overlay", RootImage.Overlay.class),
          optional("devices", RootImage.Devices.class),
          optional("disableServices", LIST),
          optional("files", listOf(FILE)));

  @Override
  public Schema spec() {
    return SPEC;
  }

  @Override
  public SpecDocument bind(DocumentContext ctx, MappingReader spec) {
    Boolean readOnly = spec.bool("readOnly");
    String path = Grammar.check(ctx, spec.scalar("path"), ServerPath.ROOT_IMAGE);
    RootImage.Source source = spec.has("source") ? source(ctx, spec) : null;
    RootImage.Build build = spec.has("build") ? build(ctx, spec) : null;
    if (spec.has("source") && spec.has("build")) {
      ctx.error(
          spec.node("build"),
          spec.child("build")
              + " and "
              + spec.child("source")
              + " both fill the image; keep build (netroot builds it from packages) or source (a"
              + " tarball or a directory), not both");
    }
    RootImage.Overlay overlay = overlay(ctx, spec, readOnly != null && readOnly);
    RootImage.Devices devices =
        Values.oneOf(
            ctx, spec.scalar("devices"), RootImage.Devices.class, RootImage.Devices.DEVTMPFS);
    List<String> disableServices =
        Values.each(ctx, spec.strings("disableServices"), ServiceName.GRAMMAR);
    List<RootImage.ImageFile> files = files(ctx, spec);
    return new RootImage(
        ctx.name(),
        path,
        source,
        build,
        readOnly != null && readOnly,
        overlay,
        devices,
        disableServices,
        files,
        ctx.origin());
  }

  /**
   * {@code spec.build}: the distribution is one mmdebstrap builds, and each value passes its {@link
   * DebianArchive} grammar; the package cache is a directory of its own on the server.
   */
  private static RootImage.Build build(DocumentContext ctx, MappingReader spec) {
    MappingReader build = spec.mapping("build");
    RootImage.Distribution distribution =
        Values.oneOf(
            ctx,
            build.scalar("distribution"),
            RootImage.Distribution.class,
            null,
            "is not supported yet: netroot builds images with mmdebstrap, for debian and ubuntu;"
                + " fill an image of another distribution with spec.source");
    return new RootImage.Build(
        distribution,
        Grammar.check(ctx, build.scalar("suite"), DebianArchive.SUITE_NAME),
        Values.each(ctx, build.strings("packages"), DebianArchive.PACKAGE_NAME),
        Grammar.check(ctx, build.scalar("mirror"), DebianArchive.MIRROR),
        Grammar.check(
            ctx, build.scalar("packageCache"), ServerPath.ownDirectory("a package cache")));
  }

  /**
   * {@code spec.overlay}: a writable layer per node only makes sense over a read-only root (not
   * checked when {@code readOnly} is not a boolean, which is already reported).
   */
  private static RootImage.Overlay overlay(
      DocumentContext ctx, MappingReader spec, boolean readOnly) {
    Scalar scalar = spec.scalar("overlay");
    RootImage.Overlay overlay =
        Values.oneOf(ctx, scalar, RootImage.Overlay.class, RootImage.Overlay.NONE);
    boolean readOnlyUnreadable = spec.written("readOnly") && !spec.has("readOnly");
    if (overlay != RootImage.Overlay.NONE && !readOnly && !readOnlyUnreadable) {
      ctx.error(
          scalar.node(),
          scalar.path()
              + " "
              + scalar.value()
              + ": a per-node overlay is for a read-only root; set readOnly: true or remove"
              + " overlay");
    }
    return overlay;
  }

  /**
   * {@code spec.files}: each path once, in the {@link ImageFileValues} grammars; each file's origin
   * is the position of its list entry.
   */
  private static List<RootImage.ImageFile> files(DocumentContext ctx, MappingReader spec) {
    List<RootImage.ImageFile> files = new ArrayList<>();
    Map<String, Scalar> seen = new HashMap<>();
    for (MappingReader file : spec.mappings("files")) {
      Position entry = ctx.position(file.owner());
      Scalar pathScalar = file.scalar("path");
      String path = Grammar.check(ctx, pathScalar, ImageFileValues.PATH);
      String mode = Grammar.check(ctx, file.scalar("mode"), ImageFileValues.MODE_BITS);
      String content = file.string("content");
      if (path != null) {
        Scalar first = seen.putIfAbsent(path, pathScalar);
        if (first != null) {
          ctx.error(
              pathScalar.node(),
              pathScalar.path()
                  + " "
                  + Text.quote(path)
                  + " is already kept by "
                  + first.path()
                  + " (at "
                  + ctx.position(first.node())
                  + "); give each file once");
          continue;
        }
      }
      files.add(
          new RootImage.ImageFile(
              path,
              content,
              mode == null ? ImageFileValues.DEFAULT_MODE : ImageFileValues.mode(mode),
              entry.toString()));
    }
    return files;
  }

  private static RootImage.Source source(DocumentContext ctx, MappingReader spec) {
    MappingReader source = spec.mapping("source");
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
