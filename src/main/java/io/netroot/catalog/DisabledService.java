package io.netroot.catalog;

import io.netroot.NetrootException;
import io.netroot.os.AtomicFile;
import io.netroot.os.RootFs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
final class DisabledService extends BaseResource {

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
    return new ResourceId("service:" + image + ":" + baseName(name));
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

  @Override
  public Optional<Content> observe(RootFs root) {
    detected = null;
    detected = InitSystem.detect(root.resolve(image), image);
    return Optional.of(
        Content.text(
            detected.init() == InitSystem.SYSTEMD ? observeSystemd(root) : observeSysv(root)));
  }

  private String observeSystemd(RootFs root) {
    Path mask = root.resolve(maskPath());
    if (Files.isSymbolicLink(mask)) {
      String target = readLink(mask);
      return target.equals("/dev/null")
          ? name + DISABLED
          : name + " enabled: /etc/systemd/system/" + unit() + " links to " + target + "\n";
    }
    if (Files.exists(mask)) {
      return name + " enabled: /etc/systemd/system/" + unit() + " is a unit file, not a mask\n";
    }
    Path img = root.resolve(image);
    List<String> looked =
        List.of(
            "/etc/systemd/system/" + unit(),
            "/lib/systemd/system/" + unit(),
            "/usr/lib/systemd/system/" + unit(),
            "/etc/init.d/" + baseName(name),
            "/etc/rc.d/init.d/" + baseName(name));
    if (looked.stream().noneMatch(p -> Files.exists(img.resolve(p.substring(1))))) {
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

  private String observeSysv(RootFs root) {
    Path base = root.resolve(image + detected.rcBase());
    List<Path> starts = startLinks(base);
    if (starts.isEmpty()) {
      Path img = root.resolve(image);
      boolean script =
          Files.exists(img.resolve("etc/rc.d/init.d/" + baseName(name)))
              || Files.exists(img.resolve("etc/init.d/" + baseName(name)));
      if (!script && links(base, "[SK]\\d\\d").isEmpty()) {
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
    for (Path link : starts) {
      names.add(link.getParent().getFileName() + "/" + link.getFileName());
    }
    return name + " enabled: " + String.join(" ", names) + "\n";
  }

  /** The {@code S} links of this service in every runlevel directory. */
  private List<Path> startLinks(Path base) {
    return links(base, "S\\d\\d");
  }

  private List<Path> links(Path base, String prefix) {
    Pattern pattern = Pattern.compile(prefix + Pattern.quote(baseName(name)));
    List<Path> found = new ArrayList<>();
    for (int level = 0; level <= 6; level++) {
      Path dir = base.resolve("rc" + level + ".d");
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> entries = Files.list(dir)) {
        entries
            .filter(p -> pattern.matcher(p.getFileName().toString()).matches())
            .sorted()
            .forEach(found::add);
      } catch (IOException e) {
        throw new NetrootException("cannot list " + dir + ": " + e.getMessage(), e);
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
    if (detected == null) {
      detected = InitSystem.detect(root.resolve(image), image);
    }
    try {
      if (detected.init() == InitSystem.SYSTEMD) {
        Path mask = root.resolve(maskPath());
        if (Files.isDirectory(mask, LinkOption.NOFOLLOW_LINKS)) {
          throw new NetrootException(maskPath() + " is a directory; cannot mask " + unit());
        }
        Files.createDirectories(mask.getParent());
        Files.deleteIfExists(mask);
        Files.createSymbolicLink(mask, Path.of("/dev/null"));
        AtomicFile.syncDirectory(mask.getParent());
      } else {
        Pattern start = Pattern.compile("S(\\d\\d)(.*)");
        for (Path link : startLinks(root.resolve(image + detected.rcBase()))) {
          Matcher m = start.matcher(link.getFileName().toString());
          if (!m.matches()) {
            continue;
          }
          Path kill =
              link.resolveSibling(
                  "K%02d%s".formatted(100 - Integer.parseInt(m.group(1)), m.group(2)));
          if (Files.exists(kill, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(link);
          } else {
            Files.move(link, kill);
          }
          AtomicFile.syncDirectory(link.getParent());
        }
      }
    } catch (IOException e) {
      throw new NetrootException(
          "cannot disable " + name + " in " + image + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void remove(RootFs root) {
    // never called: a service stays disabled when no spec names it any more
  }

  private static String readLink(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      throw new NetrootException("cannot read link " + link + ": " + e.getMessage(), e);
    }
  }
}
