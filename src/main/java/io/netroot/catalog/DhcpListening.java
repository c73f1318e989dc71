package io.netroot.catalog;

import io.netroot.os.Found;
import io.netroot.os.RootFs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a DHCP server is told to answer, as its own configuration says ({@link
 * DhcpBackend#listening}): every interface, or only those named (and, for dnsmasq, those holding an
 * address named), less those excluded. {@code agent check} asks it whether the interface of each
 * managed network is one the server answers on.
 *
 * @param setting the setting that limits the interfaces, for people: {@code INTERFACESv4}
 * @param file where it is set
 * @param everywhere the server answers on every interface (the setting is unset)
 * @param interfaces the interfaces named; a name ending in {@code *} names every interface starting
 *     with what comes before it (dnsmasq)
 * @param addresses the addresses named: an interface holding one is answered on
 * @param excluded the interfaces never answered on, whatever else says
 * @param fix what to do when {@code %s}, an interface, is not answered on
 */
public record DhcpListening(
    String setting,
    String file,
    boolean everywhere,
    List<String> interfaces,
    List<String> addresses,
    List<String> excluded,
    String fix) {

  public DhcpListening {
    interfaces = List.copyOf(interfaces);
    addresses = List.copyOf(addresses);
    excluded = List.copyOf(excluded);
  }

  /** Whether the server answers on {@code iface}, which holds {@code address}. */
  public boolean answersOn(String iface, String address) {
    if (excluded.stream().anyMatch(name -> matches(name, iface))) {
      return false;
    }
    return everywhere
        || interfaces.stream().anyMatch(name -> matches(name, iface))
        || addresses.contains(address);
  }

  /** Why {@code iface} is not answered on, for a failed check. */
  public String whyNot(String iface) {
    if (excluded.stream().anyMatch(name -> matches(name, iface))) {
      return iface + " is excluded in " + file;
    }
    List<String> named = Stream.concat(interfaces.stream(), addresses.stream()).toList();
    return iface
        + " is not in "
        + setting
        + " ("
        + (named.isEmpty() ? "none" : String.join(" ", named))
        + ")";
  }

  /** What to do so that the server answers on {@code iface}. */
  public String fixFor(String iface) {
    return fix.replace("%s", iface);
  }

  private static boolean matches(String name, String iface) {
    return name.endsWith("*")
        ? iface.startsWith(name.substring(0, name.length() - 1))
        : name.equals(iface);
  }

  /**
   * The text of a regular file under {@code root}, read without following a link; empty when it is
   * missing, a link or unreadable.
   */
  static Optional<String> read(RootFs root, String path) {
    try {
      if (root.look(path) instanceof Found.File file) {
        return Optional.of(new String(file.bytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      // unreadable: nothing known of it
    }
    return Optional.empty();
  }
}
