package io.netroot.importer;

import io.netroot.importer.ImportReport.Section;
import io.netroot.importer.SpecDoc.Field;
import io.netroot.render.TftpLayout;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The report's notes and guesses: what the user should know before {@code apply --prune}, and every
 * value the import made up.
 */
final class Notes {

  private final ImportContext ctx;

  Notes(ImportContext ctx) {
    this.ctx = ctx;
  }

  void report() {
    String images = ctx.files.real(ctx.underTftp(TftpLayout.IMAGES)).toString() + "/";
    for (SpecDoc kernel : ctx.documents()) {
      if (kernel.kind().equals("Kernel")
          && (extra(images, kernel, "image") || extra(images, kernel, "initrd"))) {
        ctx.report.add(
            Section.NOTES,
            kernel.origin(),
            "Kernel "
                + kernel.name()
                + " is read from where it is, under the TFTP root's "
                + TftpLayout.IMAGES
                + "/, which netroot owns: plan lists the file as extra, and apply --prune would"
                + " remove it. Move it (next to the specs, say) and change Kernel.image first.");
      }
    }
    Set<String> written = new HashSet<>(List.of("default"));
    for (SpecDoc host : ctx.documents()) {
      if (host.kind().equals("Host")) {
        written.add("01-" + String.valueOf(host.get("mac")).replace(':', '-'));
      }
    }
    String dir = ctx.underTftp(TftpLayout.PXELINUX_CFG);
    for (String name : ctx.files.list(dir)) {
      if (!written.contains(name)) {
        ctx.report.add(
            Section.NOTES,
            dir + "/" + name,
            "no spec writes this file: plan lists it as extra, and apply --prune would remove it");
      }
    }
    String tftp = ctx.where.tftpRoot();
    ctx.report.add(
        Section.CHANGES,
        tftp,
        "netroot installs pxelinux.0, its modules and efi64/syslinux.efi from this machine's"
            + " syslinux into the TFTP root, replacing the files there (a backup is kept), and points"
            + " the TFTP daemon at "
            + tftp
            + " (TFTP_DIRECTORY of /etc/default/tftpd-hpa, or a tftp.service drop-in)");
    for (SpecDoc image : ctx.documents()) {
      if (image.kind().equals("RootImage")) {
        fstab(image);
      }
    }
    guesses();
  }

  /**
   * Whether a kernel's file is under {@code images/} but not where netroot puts it ({@code
   * images/NAME/FILE}), so that netroot calls it extra.
   */
  private static boolean extra(String images, SpecDoc kernel, String field) {
    String file = String.valueOf(kernel.get(field));
    String target = images + kernel.name() + "/" + file.substring(file.lastIndexOf('/') + 1);
    return file.startsWith(images) && !file.equals(target);
  }

  /** What netroot will do to a root image's fstab. */
  private void fstab(SpecDoc image) {
    String path = (String) image.get("path");
    String fstab = path + "/etc/fstab";
    if (!ctx.files.isDirectory(path)) {
      ctx.report.add(
          Section.CHANGES,
          image.origin(),
          "RootImage "
              + image.name()
              + ": "
              + path
              + " is not on the server; apply creates it, with"
              + " etc/fstab holding the root line");
      return;
    }
    String now =
        ctx.files
            .read(fstab)
            .map(r -> r.text().lines().filter(Notes::mountsRoot).findFirst().orElse(null))
            .orElse(null);
    ctx.report.add(
        Section.CHANGES,
        fstab,
        "netroot keeps the root line of the image's fstab (SERVER:PATH / nfs OPTIONS 0 0)"
            + (now == null ? "; there is none now" : "; now: " + now.strip()));
  }

  private static boolean mountsRoot(String line) {
    String[] f = line.strip().split("\\s+");
    return f.length >= 2 && !f[0].startsWith("#") && f[1].equals("/");
  }

  @SuppressWarnings("unchecked")
  private void guesses() {
    for (SpecDoc doc : ctx.documents()) {
      if (doc.nameGuess() != null) {
        ctx.report.add(
            Section.GUESSED, doc.origin(), doc.kind() + " " + doc.name() + ": " + doc.nameGuess());
      }
      for (Field f : doc.fields()) {
        if (f.guess() != null) {
          ctx.report.add(
              Section.GUESSED,
              doc.origin(),
              doc.kind() + " " + doc.name() + " " + f.key() + ": " + f.guess());
        }
      }
    }
  }
}
