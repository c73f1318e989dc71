package io.netroot.importer;

import io.netroot.NetrootException;
import io.netroot.adopt.PxelinuxBoot;
import io.netroot.adopt.PxelinuxConfig;
import io.netroot.adopt.PxelinuxConfig.Label;
import io.netroot.adopt.ServerFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * pxelinux entries into Profiles, with the Kernels and RootImages they need. An entry is a Profile
 * when it boots a Linux kernel whose root is mounted over NFS from the boot server ({@link
 * AppendLine}); the kernel file is referenced where it is on the server (on this machine: under the
 * root prefix), never copied. Two entries that boot the same (the same kernel and initrd content,
 * arguments and {@code IPAPPEND}) are one Profile.
 */
final class ProfileMapping {

  /** Kernel file names that say nothing; the kernel is then named after its directory. */
  private static final Set<String> GENERIC =
      Set.of("vmlinuz", "vmlinux", "linux", "kernel", "bzimage", "zimage");

  /** What kernel file names start with, before the release that names the kernel. */
  private static final java.util.regex.Pattern PREFIX =
      java.util.regex.Pattern.compile("(?i)^(vmlinuz|vmlinux|bzimage|linux|kernel)[-_.]");

  private final ImportContext ctx;

  ProfileMapping(ImportContext ctx) {
    this.ctx = ctx;
    // a kernel's files go to images/NAME/: a file already named so there would be in the way
    String images = ctx.underTftp(io.netroot.render.TftpLayout.IMAGES);
    for (String name : ctx.files.list(images)) {
      if (!ctx.files.isDirectory(images + "/" + name)) {
        ctx.kernelNames.reserve(name);
      }
    }
  }

  /** Plans for every entry of the menu, {@code pxelinux.cfg/default} at the TFTP root. */
  void menu() {
    Optional<PxelinuxConfig> menu = ctx.boot.config(ImportContext.MENU);
    if (menu.isEmpty()) {
      return;
    }
    for (String include : List.of("INCLUDE", "MENU INCLUDE")) {
      PxelinuxConfig.Directive d = menu.get().global(include);
      if (d != null) {
        ctx.report.add(
            io.netroot.importer.ImportReport.Section.CHANGES,
            ctx.underTftp(ImportContext.MENU) + ":" + d.line(),
            include
                + " "
                + d.value()
                + " is not read: its entries are not imported, and"
                + " netroot's menu does not include it");
      }
    }
    for (Label label : menu.get().labels()) {
      if (label.localboot() == null) {
        plan(ImportContext.MENU, "", menu.get(), label).inMenu = true;
      }
    }
  }

  /** The plan for one entry, made the first time the entry is met. */
  ProfilePlan plan(String configPath, String prefix, PxelinuxConfig config, Label label) {
    String entry = ctx.boot.entry(prefix, config, label);
    ProfilePlan known = ctx.profiles.get(entry);
    if (known != null) {
      return known;
    }
    ProfilePlan plan =
        new ProfilePlan(entry, configPath, label, ctx.underTftp(configPath) + ":" + label.line());
    ctx.profiles.put(entry, plan);
    plan.problem = problem(plan, prefix, config);
    if (plan.problem == null) {
      documents(plan);
    }
    return plan;
  }

  private String problem(ProfilePlan plan, String prefix, PxelinuxConfig config) {
    Label label = plan.label;
    if (label.kernelKeyword() != null
        && !label.kernelKeyword().equals("KERNEL")
        && !label.kernelKeyword().equals("LINUX")) {
      return "it boots with " + label.kernelKeyword() + ", not a Linux kernel";
    }
    String append = label.append() != null ? label.append().value() : appendOf(config);
    if (label.kernel() != null) {
      String[] parts = label.kernel().value().strip().split("\\s+", 2);
      append = (parts.length > 1 ? parts[1] + " " : "") + append;
    }
    plan.append = AppendLine.parse(append);
    if (plan.append.problem() != null) {
      return "its command line " + plan.append.problem();
    }
    if (!plan.append.server().equals(String.valueOf(ctx.address))) {
      return "it mounts its root from "
          + plan.append.server()
          + ", not from the boot server "
          + ctx.address
          + "; netroot's profiles mount from the boot server";
    }
    List<String> initrds = new ArrayList<>();
    if (label.initrd() != null) {
      initrds.addAll(List.of(label.initrd().value().strip().split(",")));
    }
    initrds.addAll(plan.append.initrds());
    if (initrds.size() > 1) {
      return "it loads " + initrds.size() + " initrds; a Kernel has one";
    }
    var ipappend = label.ipappend() != null ? label.ipappend() : config.global("IPAPPEND");
    plan.ipappend = PxelinuxBoot.number(ipappend, 0);
    String kernelName = label.kernel() == null ? label.name() : label.kernel().value();
    kernelName = kernelName.strip().split("\\s+")[0];
    String kernel = file(prefix, kernelName);
    if (kernel == null) {
      return "its kernel "
          + kernelName
          + " is not a file under the TFTP root "
          + ctx.where.tftpRoot();
    }
    String initrd = initrds.isEmpty() ? null : file(prefix, initrds.get(0));
    if (!initrds.isEmpty() && initrd == null) {
      return "its initrd " + initrds.get(0) + " is not a file under the TFTP root";
    }
    plan.kernel = kernel(kernel, initrd, plan);
    return null;
  }

  private static String appendOf(PxelinuxConfig config) {
    var append = config.global("APPEND");
    return append == null || append.value().equals("-") ? "" : append.value();
  }

  /** The server path of a file named in a configuration, links resolved, or {@code null}. */
  private String file(String prefix, String name) {
    String path = PxelinuxBoot.fileOf(prefix, name);
    if (path == null || name.contains("::") && !name.startsWith("::")) {
      return null;
    }
    try {
      return ctx.files.read(ctx.underTftp(path)).map(ServerFiles.Read::resolved).orElse(null);
    } catch (NetrootException e) {
      return null;
    }
  }

  private SpecDoc kernel(String image, String initrd, ProfilePlan plan) {
    String method = plan.append.method().yaml();
    for (SpecDoc k : ctx.kernels) {
      if (real(image).equals(k.get("image"))
          && String.valueOf(initrd == null ? null : real(initrd))
              .equals(String.valueOf(k.get("initrd")))
          && method.equals(k.get("rootMethod"))) {
        return k;
      }
    }
    String file = image.substring(image.lastIndexOf('/') + 1);
    String wanted = PREFIX.matcher(file).replaceFirst("");
    if (wanted.isEmpty() || GENERIC.contains(file.toLowerCase(java.util.Locale.ROOT))) {
      String dir = image.substring(0, image.lastIndexOf('/'));
      wanted = dir.substring(dir.lastIndexOf('/') + 1);
    }
    Names.Chosen name = ctx.kernelNames.choose(wanted, "kernel");
    SpecDoc doc =
        new SpecDoc(
            "Kernel",
            name.name(),
            name.guess() == null ? "named after " + image : name.guess(),
            plan.where);
    doc.put("image", real(image));
    doc.put("initrd", initrd == null ? null : real(initrd));
    doc.put("rootMethod", method);
    ctx.kernels.add(doc);
    return doc;
  }

  private String real(String serverPath) {
    return ctx.files.real(serverPath).toString();
  }

  private void documents(ProfilePlan plan) {
    String path = plan.append.path();
    for (SpecDoc image : ctx.rootImages) {
      if (path.equals(image.get("path"))) {
        plan.rootImage = image;
      }
    }
    if (plan.rootImage == null) {
      String last = path.substring(path.lastIndexOf('/') + 1);
      Names.Chosen name = ctx.imageNames.choose(last, "root");
      plan.rootImage =
          new SpecDoc(
              "RootImage",
              name.name(),
              name.guess() == null ? "named after its directory" : name.guess(),
              plan.where);
      plan.rootImage.put("path", path);
      ctx.rootImages.add(plan.rootImage);
    }
    Names.Chosen name = ctx.profileNames.choose(plan.label.name(), "profile");
    plan.profile = new SpecDoc("Profile", name.name(), name.guess(), plan.where);
    plan.profile.put("kernel", plan.kernel.name());
    plan.profile.put("rootImage", plan.rootImage.name());
    if (!plan.append.nfsOptions().isEmpty()) {
      plan.profile.put("nfsOptions", plan.append.nfsOptions());
    }
    if (!plan.append.kernelArgs().isEmpty()) {
      plan.profile.put("kernelArgs", plan.append.kernelArgs());
    }
    if (plan.label.menuLabel() != null && !plan.label.menuLabel().value().equals(name.name())) {
      plan.profile.put("menuLabel", plan.label.menuLabel().value());
    }
  }
}
