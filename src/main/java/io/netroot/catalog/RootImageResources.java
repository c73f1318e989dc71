package io.netroot.catalog;

import io.netroot.spec.Profile;
import io.netroot.spec.RootImage;
import io.netroot.spec.SpecSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What netroot keeps right inside each root image: the fill from its source (once), the root line
 * of its fstab, a static {@code /dev} when asked for, and the services it turns off. The fstab,
 * {@code /dev} and service resources depend on the fill, so nothing is written into an image that
 * could not be filled.
 */
final class RootImageResources {

  /**
   * The classic static {@code /dev} (what a RHEL 5 initrd mknods). Modes and groups are what udev
   * and devtmpfs give on current Debian and Fedora: the memory devices and {@code tty}/{@code ptmx}
   * for everyone (0666), {@code console} for root only (0600), virtual consoles writable by group
   * tty (0620, gid 5, for {@code write}/{@code wall}), serial ports for group dialout (0660, gid
   * 20). {@code rtc} is 0644 root, as CentOS 5's udev rules make it: readable by all, set by root.
   * {@code shm} is 1777 like the tmpfs later mounted on it.
   */
  static final List<DeviceNode.Entry> STATIC_DEV = staticDev();

  private static final int TTY = 5;
  private static final int DIALOUT = 20;

  private RootImageResources() {}

  private static List<DeviceNode.Entry> staticDev() {
    List<DeviceNode.Entry> dev = new ArrayList<>();
    dev.add(DeviceNode.Entry.dir("pts", 0755));
    dev.add(DeviceNode.Entry.dir("shm", 01777));
    dev.add(DeviceNode.Entry.chr("null", 1, 3, 0666, 0));
    dev.add(DeviceNode.Entry.chr("zero", 1, 5, 0666, 0));
    dev.add(DeviceNode.Entry.chr("urandom", 1, 9, 0666, 0));
    dev.add(DeviceNode.Entry.chr("tty", 5, 0, 0666, TTY));
    dev.add(DeviceNode.Entry.chr("console", 5, 1, 0600, 0));
    dev.add(DeviceNode.Entry.chr("ptmx", 5, 2, 0666, TTY));
    dev.add(DeviceNode.Entry.chr("rtc", 10, 135, 0644, 0));
    for (int n = 0; n <= 12; n++) {
      dev.add(DeviceNode.Entry.chr("tty" + n, 4, n, 0620, TTY));
    }
    for (int n = 0; n <= 3; n++) {
      dev.add(DeviceNode.Entry.chr("ttyS" + n, 4, 64 + n, 0660, DIALOUT));
    }
    return List.copyOf(dev);
  }

  /**
   * Adds the resources of every root image, each image's fill or build before what goes inside it.
   *
   * @param onSwitch what the NFS server is told when a built image switches generation
   */
  static void emit(
      SpecSet specs,
      FillProgress progress,
      List<ServiceAction> onSwitch,
      List<Resource> resources) {
    Set<String> seen = new HashSet<>();
    for (RootImage image : specs.rootImages()) {
      if (seen.add(image.path())) {
        emit(specs, image, progress, onSwitch, resources);
      }
    }
  }

  private static void emit(
      SpecSet specs,
      RootImage image,
      FillProgress progress,
      List<ServiceAction> onSwitch,
      List<Resource> resources) {
    String path = image.path();
    Provenance document = Provenance.at(image.origin().document());
    List<ResourceId> needs = new ArrayList<>();
    if (image.build() != null) {
      ImageBuild build = new ImageBuild(image, specs.initramfsOf(image), progress, onSwitch);
      build.producedBy(Provenance.at(image.origin().at("spec.build")));
      resources.add(build);
      needs.add(build.id());
    } else if (image.source() != null) {
      ImageFill fill =
          new ImageFill(
              path, image.source(), image.origin().at("spec.source").toString(), progress);
      fill.producedBy(Provenance.at(image.origin().at("spec.source")));
      resources.add(fill);
      needs.add(fill.id());
    }
    if (image.overlay() != RootImage.Overlay.TMPFS) {
      // With an overlay the initramfs mounts / (NFS under a tmpfs layer): an fstab line for /
      // would have systemd remount the overlay with NFS options.
      FstabRootLine fstab = fstab(specs, image, needs);
      fstab.producedBy(document);
      resources.add(fstab);
    }
    for (int i = 0; i < image.files().size(); i++) {
      ImageFile file = new ImageFile(path, image.name(), image.files().get(i), needs);
      file.producedBy(Provenance.at(image.origin().at("spec.files." + i)));
      resources.add(file);
    }
    if (image.devices() == RootImage.Devices.STATIC) {
      for (DeviceNode.Entry entry : STATIC_DEV) {
        DeviceNode node =
            new DeviceNode(
                path,
                (entry.directory() ? "static /dev directory " : "static device node ")
                    + entry.name()
                    + " of root image "
                    + image.name(),
                entry,
                needs);
        node.producedBy(Provenance.at(image.origin().at("spec.devices")));
        resources.add(node);
      }
    }
    Set<String> services = new LinkedHashSet<>();
    for (String service : image.disableServices()) {
      if (services.add(DisabledService.baseName(service))) {
        DisabledService disabled = new DisabledService(path, service, needs);
        disabled.producedBy(Provenance.at(image.origin().at("spec.disableServices")));
        resources.add(disabled);
      }
    }
  }

  private static FstabRootLine fstab(SpecSet specs, RootImage image, List<ResourceId> needs) {
    List<Profile> booting =
        specs.profiles().stream().filter(p -> image.name().equals(p.rootImage())).toList();
    List<String> options = new ArrayList<>();
    options.add(image.readOnly() ? "ro" : "rw");
    String note = "";
    if (!booting.isEmpty()) {
      List<String> first = transportOptions(booting.get(0));
      options.addAll(first);
      // One image, one fstab: when profiles mount it differently there is no single right line.
      // The first profile (in spec order) wins, and the description says so, because the kernel
      // command line of the others still mounts / their way and only a remount reads this line.
      for (Profile other : booting.subList(1, booting.size())) {
        if (!transportOptions(other).equals(first)) {
          note =
              "; profiles "
                  + booting.get(0).name()
                  + " and "
                  + other.name()
                  + " disagree on NFS options, "
                  + booting.get(0).name()
                  + "'s are used";
          break;
        }
      }
    }
    String line =
        specs.server().address()
            + ":"
            + image.path()
            + " / nfs "
            + String.join(",", options)
            + " 0 0";
    return new FstabRootLine(
        image.path(), "root line of the fstab of root image " + image.name() + note, line, needs);
  }

  /** The options of a profile that say how to reach the server: version and transport. */
  private static List<String> transportOptions(Profile profile) {
    return profile.nfsOptions().stream()
        .filter(
            o ->
                o.startsWith("vers=")
                    || o.startsWith("nfsvers=")
                    || o.startsWith("proto=")
                    || o.equals("tcp")
                    || o.equals("udp"))
        .toList();
  }
}
