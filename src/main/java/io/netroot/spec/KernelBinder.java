package io.netroot.spec;

import static io.netroot.spec.Schema.Type.STRING;
import static io.netroot.spec.Schema.optional;
import static io.netroot.spec.Schema.required;

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
          optional("sha256", STRING),
          optional("config", STRING),
          optional("rootMethod", STRING));

  @Override
  public Schema spec() {
    return SPEC;
  }

  @Override
  public SpecDocument bind(DocumentContext ctx, MappingReader spec) {
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
