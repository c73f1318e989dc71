package io.netroot.spec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Checks that tie Exports to the rest: every host can mount the root image it boots, and {@code
 * no_root_squash} (which diskless roots need, and which hands root on the client root on the
 * export) is not given to machines outside the declared networks by accident.
 */
final class ExportChecks {

  private static final Pattern IPV4_LIKE = Pattern.compile("[0-9.]+(/.*)?");

  private ExportChecks() {}

  static void noRootSquash(
      List<Export> exports, NetworkIndex index, boolean networksComplete, Findings findings) {
    for (Export export : exports) {
      if (export.acknowledgeInsecure()) {
        continue;
      }
      for (int i = 0; i < export.clients().size(); i++) {
        Export.Client client = export.clients().get(i);
        if (!client.options().contains("no_root_squash")) {
          continue;
        }
        String who = exposure(client.match(), index, networksComplete);
        if (who != null) {
          findings.at(
              export,
              "spec.clients." + i + ".match",
              "spec.clients."
                  + i
                  + ".match "
                  + Text.quote(client.match())
                  + " gets no_root_squash, so root on "
                  + who
                  + " can read and change every file under "
                  + export.path()
                  + " as root; narrow the match to a Network's subnet or to single hosts,"
                  + " or set acknowledgeInsecure: true on this Export if this is intended");
        }
      }
    }
  }

  /** Who besides the declared hosts a match lets in, or {@code null} if it stays inside. */
  private static String exposure(String match, NetworkIndex index, boolean networksComplete) {
    if (match.equals("*")) {
      return "any machine that can reach the boot server";
    }
    if (match.contains("*") || match.contains("?")) {
      return "any machine whose name matches the wildcard";
    }
    if (networksComplete && IPV4_LIKE.matcher(match).matches()) {
      Ipv4Cidr range = Ipv4Cidr.parse(match);
      if (index.covering(range) == null) {
        return "machines outside every Network (" + range + " is not inside any Network's subnet)";
      }
    }
    return null;
  }

  /** Reports hosts whose profile's root image no Export lets them mount (at spec.profile). */
  static void rootImagesExported(
      List<Host> hosts,
      Map<String, Profile> profiles,
      Map<String, RootImage> rootImages,
      List<Export> exports,
      Findings findings) {
    Map<String, List<Predicate<Host>>> clientsByImage = new HashMap<>();
    for (Host host : hosts) {
      Profile profile = profiles.get(host.profile());
      RootImage image = profile == null ? null : rootImages.get(profile.rootImage());
      if (image == null) {
        continue;
      }
      List<Predicate<Host>> clients =
          clientsByImage.computeIfAbsent(image.name(), name -> clientsOf(image, exports));
      if (clients.stream().noneMatch(client -> client.test(host))) {
        findings.at(
            host,
            "spec.profile",
            "spec.profile "
                + Text.quote(profile.name())
                + " boots RootImage \""
                + image.name()
                + "\" ("
                + image.path()
                + "), but no Export of that path or a parent directory has a client matching "
                + host.ip()
                + "; add a client such as "
                + host.ip()
                + " or its network to an Export of "
                + image.path());
      }
    }
  }

  /** The clients that may mount {@code image}, each match parsed once for all hosts. */
  private static List<Predicate<Host>> clientsOf(RootImage image, List<Export> exports) {
    List<Predicate<Host>> clients = new ArrayList<>();
    String imagePath = normalize(image.path());
    for (Export export : exports) {
      String exportPath = normalize(export.path());
      if (imagePath.equals(exportPath)
          || exportPath.equals("/")
          || imagePath.startsWith(exportPath + "/")) {
        for (Export.Client client : export.clients()) {
          clients.add(matcher(client.match()));
        }
      }
    }
    return clients;
  }

  private static Predicate<Host> matcher(String match) {
    if (match.equals("*")) {
      return host -> true;
    }
    if (IPV4_LIKE.matcher(match).matches()) {
      Ipv4Cidr range = Ipv4Cidr.parse(match);
      return host -> range.contains(host.ip());
    }
    if (match.contains("*") || match.contains("?")) {
      String regex = Pattern.quote(match).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
      Pattern names = Pattern.compile("(?i)" + regex);
      return host -> names.matcher(host.name()).matches();
    }
    return host -> match.equalsIgnoreCase(host.name());
  }

  /** Collapses {@code //}, {@code .} and {@code ..} so that ancestor checks compare like paths. */
  static String normalize(String path) {
    Deque<String> parts = new ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(part);
      }
    }
    return "/" + String.join("/", parts);
  }
}
