package io.netroot.spec;

import static io.netroot.spec.Schema.Type.STRING;
import static io.netroot.spec.Schema.optional;

import java.nio.file.Path;
import java.util.List;

/**
 * Binds {@code kind: Kernel}: a kernel file ({@code image}) or the kernel of a root image that
 * netroot builds ({@code fromImage}), exactly one of the two. Relative image paths resolve against
 * the spec file's directory, so a specs repository can carry its kernels next to the YAML and work
 * from any working directory.
 */
final class KernelBinder implements KindBinder {

  private static final Schema SPEC =
      Schema.of(
          "Kernel spec",
          optional("image", STRING),
          optional("fromImage", STRING),
          optional("initrd", STRING),
          optional("sha256", STRING),
          optional("config", STRING),
          optional("rootMethod", RootMethod.class));

  /** What an image's kernel takes from the image, so its spec may not name. */
  private static final List<String> FROM_THE_IMAGE = List.of("initrd", "sha256", "config");

  @Override
  public Schema spec() {
    return SPEC;
  }

  @Override
  public SpecDocument bind(DocumentContext ctx, MappingReader spec) {
    if (spec.written("image") && spec.written("fromImage")) {
      ctx.error(
          spec.node("fromImage"),
          spec.child("image")
              + " and "
              + spec.child("fromImage")
              + " both name the kernel; keep image (a kernel file) or fromImage (a RootImage that"
              + " netroot builds), not both");
    } else if (!spec.written("image") && !spec.written("fromImage") && spec.owner() != null) {
      ctx.error(
          spec.owner(),
          "needs "
              + spec.child("image")
              + " (a kernel file) or "
              + spec.child("fromImage")
              + " (a RootImage that netroot builds)");
    }
    if (spec.written("fromImage") && !spec.written("image")) {
      return fromImage(ctx, spec);
    }
    Path initrd = tftpFile(ctx, spec.scalar("initrd"));
    Scalar method = spec.scalar("rootMethod");
    RootMethod rootMethod = Values.oneOf(ctx, method, RootMethod.class, RootMethod.KERNEL);
    if (method == null && spec.has("initrd")) {
      ctx.error(
          spec.node("initrd"),
          spec.child("initrd")
              + " is given but spec.rootMethod is not: say which initramfs mounts the root,"
              + " rootMethod: initramfs-tools (Debian, Ubuntu) or dracut (Fedora, RHEL), or"
              + " kernel if the kernel mounts it itself");
    } else if (method != null && rootMethod != RootMethod.KERNEL && !spec.has("initrd")) {
      ctx.error(
          method.node(),
          method.path()
              + " "
              + rootMethod.yaml()
              + " mounts the root from an initramfs, but spec.initrd is not given; add the"
              + " initrd or use rootMethod: kernel");
    }
    return new Kernel(
        ctx.name(),
        tftpFile(ctx, spec.scalar("image")),
        initrd,
        Values.sha256(ctx, spec.scalar("sha256")),
        Values.localPath(ctx, spec.scalar("config")),
        rootMethod,
        ctx.origin());
  }

  /**
   * A kernel published from a root image netroot builds: the image's own kernel and initramfs, so
   * no initrd, checksum or config of its own, and an initramfs mounts the root (initramfs-tools
   * unless it says dracut). Whether the image exists is checked across documents.
   */
  private static Kernel fromImage(DocumentContext ctx, MappingReader spec) {
    String image = Values.name(ctx, spec.scalar("fromImage"));
    for (String field : FROM_THE_IMAGE) {
      if (spec.has(field)) {
        ctx.error(
            spec.node(field),
            spec.child(field)
                + " comes from the image with "
                + spec.child("fromImage")
                + " (the image's own kernel, initramfs and config, followed across rebuilds);"
                + " remove "
                + spec.child(field));
      }
    }
    Scalar method = spec.scalar("rootMethod");
    RootMethod rootMethod = Values.oneOf(ctx, method, RootMethod.class, RootMethod.INITRAMFS_TOOLS);
    if (rootMethod == RootMethod.KERNEL) {
      ctx.error(
          method.node(),
          method.path()
              + " kernel does not boot an image's kernel: a distribution kernel mounts the NFS"
              + " root from its initramfs; use rootMethod: initramfs-tools (the default) or"
              + " dracut");
    }
    return new Kernel(ctx.name(), null, null, null, null, rootMethod, image, ctx.origin());
  }

  /**
   * A file served over TFTP: its name becomes {@code images/KERNEL/NAME} and is written into
   * pxelinux's {@code KERNEL} or {@code INITRD} line, so it must be a plain {@link FileName}.
   */
  private static Path tftpFile(DocumentContext ctx, Scalar scalar) {
    Path path = Values.localPath(ctx, scalar);
    if (path == null) {
      return null;
    }
    Path name = path.getFileName();
    if (name == null) {
      ctx.error(
          scalar.node(), scalar.path() + " " + Text.quote(scalar.value()) + " has no file name");
      return null;
    }
    String problem = FileName.problem(name.toString());
    if (problem != null) {
      ctx.error(
          scalar.node(),
          scalar.path()
              + ": the file name "
              + Text.quote(name.toString())
              + " (served over TFTP) "
              + problem);
      return null;
    }
    return path;
  }
}
