package io.netroot.catalog;

import io.netroot.NetrootException;
import io.netroot.os.DeviceFiles;
import io.netroot.os.ImageDir;
import io.netroot.os.RootFs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service turned off inside a root image, the way the image's own init does it. Which init that
 * is, is only known once the image is filled, so it is detected in each pass: the id ({@code
 * service:IMAGE:NAME}) does not depend on it, while the path and description say what was found.
 *
 * <ul>
 *   <li>systemd: a mask, {@code /etc/systemd/system/NAME.service -> /dev/null}. A unit file there
 *       is backed up by the engine before the mask replaces it.
 *   <li>SysV: as {@code chkconfig NAME off} does it, every {@code rcN.d/SNNNAME} link becomes
 *       {@code K(100-NN)NAME}, so the service is stopped in the order it was started. Renaming
 *       rather than removing keeps the ordering a later {@code chkconfig on} needs.
 * </ul>
 *
 * <p>The content is {@code NAME disabled}, or in words what is still enabled, so a plan reads well.
 */
final class DisabledService extends BaseResource implements FileInImage {

  private static final String DISABLED = " disabled\n";

  private final String image;
  private final String name;

  /** What the last observation found; path and description follow it. */
  private InitSystem.Detected detected;

  DisabledService(String image, String name, List<ResourceId> dependsOn) {
    super(
        idFor(image, name),
        StateKind.FILE,
        image,
        "disable service " + name + " in root image " + image,
        dependsOn,
        List.of());
    this.image = image;
    this.name = name;
  }

  /** The name without a {@code .service} suffix: {@code foo} and {@code foo.service} are one. */
  static String baseName(String name) {
    return name.endsWith(".service")
        ? name.substring(0, name.length() - ".service".length())
        : name;
  }

  static ResourceId idFor(String image, String name) {
    return new ResourceId(ResourceId.Kind.SERVICE, image + ":" + baseName(name));
  }

  @Override
  public String path() {
    if (detected == null) {
      return image;
    }
    return detected.init() == InitSystem.SYSTEMD ? maskPath() : image + detected.rcBase();
  }

  @Override
  public String description() {
    String init = detected == null ? "" : " (" + detected.init().label() + " detected)";
    return super.description() + init;
  }

  @Override
  public Content desired() {
    return Content.text(name + DISABLED);
  }

  private String unit() {
    return baseName(name) + ".service";
  }

  private String maskPath() {
    return image + "/etc/systemd/system/" + unit();
  }

  private String maskRel() {
    return "etc/systemd/system/" + unit();
  }

  /** The rcN.d directory of a runlevel, relative to the image. */
  private String rcDir(int level) {
    return detected.rcBase().substring(1) + "/rc" + level + ".d";
  }

  @Override
  public Optional<Content> observe(RootFs root) {
    detected = null;
    try (ImageDir img = openImage(root)) {
      detected = InitSystem.detect(img, image);
      return Optional.of(
          Content.text(
              detected.init() == InitSystem.SYSTEMD ? observeSystemd(img) : observeSysv(img)));
    }
  }

  /**
   * The image, which must exist by now: a missing one has no init to tell. Everything below is done
   * through it, without following a link (a mask is a link netroot makes; one in its place is
   * replaced, never followed; one on the way, such as {@code etc/systemd/system -> /x}, is an
   * error).
   */
  private ImageDir openImage(RootFs root) {
    return ImageDir.open(root.resolve(image), image).orElseThrow(() -> InitSystem.unknown(image));
  }

  private String observeSystemd(ImageDir img) {
    Optional<DeviceFiles.Node> mask = img.look(maskRel());
    if (mask.isPresent() && mask.get().type() == DeviceFiles.Type.SYMLINK) {
      String target = mask.get().linkTarget();
      return target.equals("/dev/null")
          ? name + DISABLED
          : name + " enabled: /etc/systemd/system/" + unit() + " links to " + target + "\n";
    }
    if (mask.isPresent()) {
      return name + " enabled: /etc/systemd/system/" + unit() + " is a unit file, not a mask\n";
    }
    List<String> looked =
        List.of(
            "/etc/systemd/system/" + unit(),
            "/lib/systemd/system/" + unit(),
            "/usr/lib/systemd/system/" + unit(),
            "/etc/init.d/" + baseName(name),
            "/etc/rc.d/init.d/" + baseName(name));
    // whether the service exists at all: a place only reached through a link (lib -> usr/lib)
    // does not count, its real place is looked at too
    if (looked.stream().noneMatch(p -> img.find(p.substring(1)).isPresent())) {
      throw new NetrootException(
          "service "
              + name
              + " does not exist in root image "
              + image
              + " (systemd): looked for "
              + String.join(", ", looked));
    }
    return name + " enabled: not masked\n";
  }

  private String observeSysv(ImageDir img) {
    List<String> starts = startLinks(img);
    if (starts.isEmpty()) {
      boolean script =
          img.find("etc/rc.d/init.d/" + baseName(name)).isPresent()
              || img.find("etc/init.d/" + baseName(name)).isPresent();
      if (!script && links(img, "[SK]\\d\\d").isEmpty()) {
        throw new NetrootException(
            "service "
                + name
                + " does not exist in root image "
                + image
                + " (SysV init): looked for /etc/rc.d/init.d/"
                + baseName(name)
                + ", /etc/init.d/"
                + baseName(name)
                + " and "
                + detected.rcBase()
                + "/rc[0-6].d/[SK]NN"
                + baseName(name));
      }
      return name + DISABLED;
    }
    List<String> names = new ArrayList<>();
    for (String link : starts) {
      names.add(link.substring(link.lastIndexOf('/', link.lastIndexOf('/') - 1) + 1));
    }
    return name + " enabled: " + String.join(" ", names) + "\n";
  }

  /** The {@code S} links of this service in every runlevel directory, relative to the image. */
  private List<String> startLinks(ImageDir img) {
    return links(img, "S\\d\\d");
  }

  /** Entries of the rcN.d directories; a directory that is a link is refused, not listed. */
  private List<String> links(ImageDir img, String prefix) {
    Pattern pattern = Pattern.compile(prefix + Pattern.quote(baseName(name)));
    List<String> found = new ArrayList<>();
    for (int level = 0; level <= 6; level++) {
      String dir = rcDir(level);
      for (String entry : img.list(dir)) {
        if (pattern.matcher(entry).matches()) {
          found.add(dir + "/" + entry);
        }
      }
    }
    return found;
  }

  @Override
  public byte[] candidate(RootFs root, Content desired) {
    return desired.bytes();
  }

  @Override
  public void write(RootFs root, Content desired) {
    try (ImageDir img = openImage(root)) {
      if (detected == null) {
        detected = InitSystem.detect(img, image);
      }
      if (detected.init() == InitSystem.SYSTEMD) {
        Optional<DeviceFiles.Node> mask = img.look(maskRel());
        if (mask.isPresent() && mask.get().type() == DeviceFiles.Type.DIRECTORY) {
          throw new NetrootException(maskPath() + " is a directory; cannot mask " + unit());
        }
        img.makeDirectories("etc/systemd/system");
        img.symlink(maskRel(), "/dev/null");
      } else {
        Pattern start = Pattern.compile("S(\\d\\d)(.*)");
        for (String link : startLinks(img)) {
          String dir = link.substring(0, link.lastIndexOf('/'));
          Matcher m = start.matcher(link.substring(dir.length() + 1));
          if (!m.matches()) {
            continue;
          }
          String kill = "K%02d%s".formatted(100 - Integer.parseInt(m.group(1)), m.group(2));
          if (img.look(dir + "/" + kill).isPresent()) {
            img.remove(link);
          } else {
            img.rename(link, kill);
          }
        }
      }
    }
  }

  @Override
  public boolean hasRegularFile(RootFs root) {
    return detected != null
        && detected.init() == InitSystem.SYSTEMD
        && FileInImage.super.hasRegularFile(root);
  }

  @Override
  public Optional<byte[]> currentFile(RootFs root) {
    if (detected == null || detected.init() != InitSystem.SYSTEMD) {
      return Optional.empty();
    }
    return FileInImage.super.currentFile(root);
  }

  @Override
  public void remove(RootFs root) {
    // never called: a service stays disabled when no spec names it any more
  }

  @Override
  public String image() {
    return image;
  }

  @Override
  public String relInImage() {
    return maskRel();
  }
}
