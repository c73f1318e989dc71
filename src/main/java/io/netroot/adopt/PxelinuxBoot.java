package io.netroot.adopt;

import io.netroot.NetrootException;
import io.netroot.adopt.PxelinuxConfig.Directive;
import io.netroot.adopt.PxelinuxConfig.Label;
import io.netroot.os.Sha256;
import io.netroot.spec.Ipv4;
import io.netroot.spec.MacAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a PXE client boots from a TFTP root, as pxelinux decides it: the boot loader's directory is
 * the path prefix; the configuration is the first of {@code pxelinux.cfg/01-MAC}, the address in
 * hex cut one digit at a time, and {@code default}; the entry booted without a key pressed follows
 * {@code DEFAULT}, {@code UI}, {@code PROMPT}, {@code TIMEOUT} and {@code ONTIMEOUT}. Each entry is
 * described by what reaches the machine: the kernel's and initrds' content (SHA-256), the kernel
 * arguments as a sorted multiset, {@code IPAPPEND}, or {@code LOCALBOOT}.
 */
public final class PxelinuxBoot {

  /** The boot loaders of the syslinux family, which read {@code pxelinux.cfg/} beside them. */
  static final Set<String> LOADERS =
      Set.of(
          "pxelinux.0",
          "lpxelinux.0",
          "gpxelinux.0",
          "syslinux.efi",
          "syslinux64.efi",
          "syslinux32.efi");

  private static final Set<String> MENUS = Set.of("menu.c32", "vesamenu.c32", "menu", "vesamenu");

  private final ServerFiles files;
  private final String tftpRoot;
  private final Map<String, Optional<PxelinuxConfig>> configs = new HashMap<>();
  private final Map<String, String> hashes = new HashMap<>();
  private final Map<String, Set<String>> listed = new HashMap<>();

  /**
   * @param tftpRoot the TFTP root's server path
   */
  public PxelinuxBoot(ServerFiles files, String tftpRoot) {
    this.files = files;
    this.tftpRoot = tftpRoot.endsWith("/") ? tftpRoot : tftpRoot + "/";
  }

  /**
   * The path below the TFTP root a DHCP {@code filename} names, as tftpd-hpa with {@code -s} reads
   * it (leading slashes dropped, doubled ones read as one); {@code null} for a URL.
   */
  public static String tftpPath(String filename) {
    if (filename == null || filename.contains("://")) {
      return null;
    }
    String path = filename.replaceAll("/+", "/");
    path = path.startsWith("/") ? path.substring(1) : path;
    for (String part : path.split("/")) {
      if (part.equals("..")) {
        // tftpd-hpa refuses a name that climbs out of its root
        return null;
      }
    }
    return path;
  }

  /** Whether a TFTP path is a pxelinux boot loader. */
  public static boolean isPxelinux(String tftpPath) {
    if (tftpPath == null) {
      return false;
    }
    int slash = tftpPath.lastIndexOf('/');
    return LOADERS.contains(tftpPath.substring(slash + 1).toLowerCase(Locale.ROOT));
  }

  /** The path prefix pxelinux takes from its own path: its directory, with a slash, or empty. */
  public static String prefix(String tftpPath) {
    int slash = tftpPath.lastIndexOf('/');
    return slash < 0 ? "" : tftpPath.substring(0, slash + 1);
  }

  /** The configuration file a client reads (a TFTP path), or {@code null} when there is none. */
  public String configFor(String prefix, MacAddress mac, Ipv4 ip) {
    List<String> names = new ArrayList<>();
    if (mac != null) {
      names.add(mac.pxelinuxConfigName());
    }
    if (ip != null) {
      String hex = String.format(Locale.ROOT, "%08X", ip.unsigned());
      for (int n = 8; n >= 1; n--) {
        names.add(hex.substring(0, n));
      }
    }
    names.add("default");
    // one listing of the directory, not a look for each name of each host
    Set<String> there =
        listed.computeIfAbsent(prefix, p -> Set.copyOf(files.list(tftpRoot + p + "pxelinux.cfg")));
    for (String name : names) {
      String path = prefix + "pxelinux.cfg/" + name;
      if (there.contains(name) && config(path).isPresent()) {
        return path;
      }
    }
    return null;
  }

  /** The configuration at a TFTP path, read once. */
  public Optional<PxelinuxConfig> config(String tftpPath) {
    return configs.computeIfAbsent(
        tftpPath,
        p -> {
          try {
            return files.read(tftpRoot + p).map(read -> PxelinuxConfig.parse(read.text()));
          } catch (NetrootException e) {
            return Optional.empty();
          }
        });
  }

  /** What a client booting {@code tftpPath} with these addresses boots without a key pressed. */
  public String boots(String filename, MacAddress mac, Ipv4 ip) {
    String path = tftpPath(filename);
    if (!isPxelinux(path)) {
      return "not pxelinux";
    }
    String prefix = prefix(path);
    String config = configFor(prefix, mac, ip);
    if (config == null) {
      return "no pxelinux configuration";
    }
    return unattended(prefix, config(config).get());
  }

  /** The entry a configuration boots when no key is pressed, described. */
  public String unattended(String prefix, PxelinuxConfig config) {
    String chosen = unattendedChoice(config);
    if (chosen == null) {
      return "waits for a choice";
    }
    Label label = config.label(chosen);
    return label != null ? entry(prefix, config, label) : commandLine(prefix, chosen);
  }

  /**
   * The label (or command line) a configuration boots when no key is pressed, or {@code null} when
   * it waits for the user.
   */
  public static String unattendedChoice(PxelinuxConfig config) {
    String ui = value(config.global("UI"));
    String dflt = value(config.global("DEFAULT"));
    boolean menu =
        ui != null
            || (dflt != null
                && config.label(dflt) == null
                && MENUS.contains(firstWord(dflt).toLowerCase(Locale.ROOT)));
    int prompt = number(config.global("PROMPT"), 0);
    int timeout = number(config.global("TIMEOUT"), 0);
    int total = number(config.global("TOTALTIMEOUT"), 0);
    String onTimeout = value(config.global("ONTIMEOUT"));
    if (!menu) {
      if (prompt == 0) {
        return dflt;
      }
      return timeout == 0 && total == 0 ? null : onTimeout != null ? onTimeout : dflt;
    }
    if (timeout == 0 && total == 0) {
      return null;
    }
    if (onTimeout != null) {
      return onTimeout;
    }
    Label marked = config.menuDefault();
    if (marked != null) {
      return marked.name();
    }
    return ui != null ? dflt : null;
  }

  /** One label described as what reaches the machine. */
  public String entry(String prefix, PxelinuxConfig config, Label label) {
    if (label.localboot() != null) {
      return "localboot " + firstWord(label.localboot().value());
    }
    String kernel = label.kernel() == null ? label.name() : firstWord(label.kernel().value());
    Directive append = label.append() != null ? label.append() : config.global("APPEND");
    String args = append == null || append.value().equals("-") ? "" : append.value();
    if (label.kernel() != null) {
      // KERNEL may carry arguments of its own, before APPEND's
      String[] parts = label.kernel().value().strip().split("\\s+", 2);
      args = (parts.length > 1 ? parts[1] + " " : "") + args;
    }
    Directive ipappend = label.ipappend() != null ? label.ipappend() : config.global("IPAPPEND");
    List<String> initrds = new ArrayList<>();
    if (label.initrd() != null) {
      initrds.addAll(List.of(label.initrd().value().split(",")));
    }
    return describe(prefix, kernel, initrds, args, number(ipappend, 0));
  }

  private String commandLine(String prefix, String line) {
    String[] parts = line.strip().split("\\s+", 2);
    return describe(prefix, parts[0], new ArrayList<>(), parts.length > 1 ? parts[1] : "", 0);
  }

  private String describe(
      String prefix, String kernel, List<String> initrds, String args, int ipappend) {
    List<String> kept = new ArrayList<>();
    for (String arg : args.strip().split("\\s+")) {
      if (arg.startsWith("initrd=")) {
        initrds.addAll(List.of(arg.substring(7).split(",")));
      } else if (!arg.isEmpty()) {
        kept.add(arg);
      }
    }
    kept.sort(null);
    List<String> initrdHashes = new ArrayList<>();
    for (String initrd : initrds) {
      if (!initrd.isBlank()) {
        initrdHashes.add(hash(prefix, initrd.strip()));
      }
    }
    return "kernel "
        + hash(prefix, kernel)
        + " initrd "
        + initrdHashes
        + " args "
        + kept
        + " ipappend "
        + ipappend;
  }

  /**
   * The TFTP path of a name in a configuration: {@code ::/x} from the TFTP root, anything else
   * after the path prefix, as syslinux joins them.
   */
  public static String fileOf(String prefix, String name) {
    String joined = name.startsWith("::") ? name.substring(2) : prefix + name;
    return tftpPath(joined);
  }

  private String hash(String prefix, String name) {
    String path = fileOf(prefix, name);
    if (path == null || name.contains("::") && !name.startsWith("::")) {
      return "elsewhere:" + name;
    }
    return hashes.computeIfAbsent(
        path,
        p -> {
          try {
            return files
                .read(tftpRoot + p)
                .map(r -> "sha256:" + Sha256.of(r.bytes()).hex())
                .orElse("missing:" + p);
          } catch (NetrootException e) {
            return "unreadable:" + p;
          }
        });
  }

  private static String value(Directive d) {
    return d == null || d.value().isEmpty() ? null : d.value();
  }

  /** The first blank-separated word of a value. */
  public static String firstWord(String text) {
    String[] parts = text.strip().split("\\s+", 2);
    return parts[0];
  }

  /** A directive's value as a number, or {@code fallback} when absent or not a number. */
  public static int number(Directive d, int fallback) {
    if (d == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(firstWord(d.value()));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
