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

  private ExportChecks() {}

  static void noRootSquash(
      SpecSet specs, boolean networksComplete, Findings findings, Comparisons comparisons) {
    for (Export export : specs.exports()) {
      if (export.acknowledgeInsecure()) {
        continue;
      }
      for (int i = 0; i < export.clients().size(); i++) {
        Export.Client client = export.clients().get(i);
        String option = rootOption(client.options());
        if (option == null) {
          continue;
        }
        String who = exposure(client.match(), specs, networksComplete, comparisons);
        if (who != null) {
          findings.at(
              export,
              "spec.clients." + i + ".match",
              "spec.clients."
                  + i
                  + ".match "
                  + Text.quote(client.match())
                  + " gets "
                  + option
                  + ", so root on "
                  + who
                  + " can read and change every file under "
                  + export.path()
                  + (option.startsWith("anongid") ? " with group root's rights" : " as root")
                  + "; narrow the match to a Network's subnet or to single hosts,"
                  + " or set acknowledgeInsecure: true on this Export if this is intended");
        }
      }
    }
  }

  /** The first option that maps clients to uid or gid 0, or {@code null}. */
  private static String rootOption(List<String> options) {
    for (String option : options) {
      if (ExportOptions.grantsRoot(List.of(option))) {
        return option;
      }
    }
    return null;
  }

  /**
   * Who besides the declared hosts a match lets in, or {@code null} if it stays inside. The hosts
   * have IPv4 addresses, so any IPv6 match wider than one address lets in only others.
   */
  private static String exposure(
      String match, SpecSet specs, boolean networksComplete, Comparisons comparisons) {
    ExportClient client = ExportClient.parse(match);
    switch (client.kind()) {
      case EVERYONE:
        return "any machine that can reach the boot server";
      case WILDCARD:
        return "any machine whose name matches the wildcard";
      case NETGROUP:
        return "every machine of netgroup " + match.substring(1) + " (which no spec declares)";
      case IPV6:
        Ipv6Prefix ipv6 = client.ipv6();
        if (ipv6.prefix() < 128 || ipv6.unspecified()) {
          return "any machine in "
              + match
              + " (an IPv6 network; the Networks and hosts netroot serves are IPv4)";
        }
        return null;
      case IPV4:
        if (networksComplete && specs.networkCovering(client.ipv4(), comparisons) == null) {
          return "machines outside every Network ("
              + client.ipv4()
              + " is not inside any Network's subnet)";
        }
        return null;
      default:
        return null;
    }
  }

  /** Reports hosts whose profile's root image no Export lets them mount (at spec.profile). */
  static void rootImagesExported(SpecSet specs, Findings findings, Comparisons comparisons) {
    Map<String, RootImage> rootImages = specs.rootImagesByName();
    List<Export> exports = specs.exports();
    Map<String, List<Predicate<Host>>> clientsByImage = new HashMap<>();
    for (Host host : specs.hosts()) {
      Profile profile = specs.profileOf(host);
      RootImage image = profile == null ? null : rootImages.get(profile.rootImage());
      if (image == null || host.ip() == null) {
        // without an address (proxy mode, given by another server) the clients cannot be matched
        continue;
      }
      List<Predicate<Host>> clients =
          clientsByImage.computeIfAbsent(image.name(), name -> clientsOf(image, exports));
      if (clients.stream().noneMatch(client -> comparisons.matches(client, host))) {
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
    ExportClient client = ExportClient.parse(match);
    switch (client.kind()) {
      case EVERYONE:
        return host -> true;
      case IPV4:
        return host -> client.ipv4().contains(host.ip());
      case WILDCARD:
        Pattern names = Pattern.compile("(?i)" + ExportClient.globRegex(match));
        return host -> names.matcher(host.name()).matches();
      case HOST:
        return host -> match.equalsIgnoreCase(host.name());
      default:
        // a netgroup's members are not known here, and the hosts have no IPv6 address
        return host -> false;
    }
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
