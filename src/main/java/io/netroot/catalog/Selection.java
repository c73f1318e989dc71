package io.netroot.catalog;

import io.netroot.NetrootException;
import io.netroot.render.IpxeLayout;
import io.netroot.spec.Host;
import io.netroot.spec.SpecSet;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The part of the boot server a command was asked to look at, as Terraform's {@code -target}: hosts
 * by name ({@code --host}, globs such as {@code node0*}) and areas ({@code --kind}). A host is its
 * PXE files and the DHCP configuration that declares it; the resources chosen bring what they
 * depend on (a host's PXE file its kernel, initrd and bootloader).
 *
 * @param hosts host name globs; empty for every host
 * @param areas areas; empty for every area
 */
public record Selection(List<String> hosts, Set<Area> areas) {

  /** Everything. */
  public static final Selection ALL = new Selection(List.of(), Set.of());

  public Selection {
    hosts = List.copyOf(hosts);
    areas = Set.copyOf(areas);
  }

  /** Whether nothing is filtered. */
  public boolean isAll() {
    return hosts.isEmpty() && areas.isEmpty();
  }

  /**
   * The resources of {@code catalog} chosen, with their dependencies.
   *
   * @throws NetrootException when a host glob matches no Host of the specs
   */
  public Scope resolve(Catalog catalog, SpecSet specs) {
    if (isAll()) {
      return Scope.ALL;
    }
    Map<String, String> hostByPxeName = new HashMap<>();
    Set<String> named = new TreeSet<>();
    for (String glob : hosts) {
      boolean any = false;
      for (Host host : specs.hosts()) {
        if (matches(List.of(glob), host.name())) {
          named.add(host.name());
          hostByPxeName.put(host.mac().pxelinuxConfigName(), host.name());
          any = true;
        }
      }
      if (!any) {
        throw new NetrootException("--host " + glob + ": no Host of the specs has such a name");
      }
    }
    ServerLayout layout = catalog.layout();
    Set<ResourceId> chosen = new HashSet<>();
    for (Resource resource : catalog.resources()) {
      Area area = Area.of(resource.id(), layout);
      if (!areas.isEmpty() && !areas.contains(area)) {
        continue;
      }
      if (hosts.isEmpty() || area == Area.DHCP || hostByPxeName.containsKey(pxeName(resource))) {
        chosen.add(resource.id());
      }
    }
    // What the chosen ones need (dependents come after their dependencies in the catalog), but
    // for the PXE files of hosts not chosen: the DHCP configuration is made to wait for every
    // host's file, and names none of them.
    Map<ResourceId, Resource> byId = new HashMap<>();
    catalog.resources().forEach(r -> byId.put(r.id(), r));
    List<Resource> reversed = new ArrayList<>(catalog.resources());
    java.util.Collections.reverse(reversed);
    for (Resource resource : reversed) {
      if (!chosen.contains(resource.id())) {
        continue;
      }
      for (ResourceId dependency : resource.dependsOn()) {
        String pxe = pxeName(byId.get(dependency));
        if (pxe.isEmpty() || hostByPxeName.containsKey(pxe)) {
          chosen.add(dependency);
        }
      }
    }
    return Scope.of(chosen, areas, !hosts.isEmpty(), layout, describe());
  }

  /** Whether a host's name matches one of {@code globs} ({@code node0*}); every name for none. */
  public static boolean matches(List<String> globs, String name) {
    for (String glob : globs) {
      PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
      if (matcher.matches(Path.of(name))) {
        return true;
      }
    }
    return globs.isEmpty();
  }

  /**
   * {@code 01-52-54-…} for a host's PXE file ({@code …/pxelinux.cfg/01-…}) or iPXE script ({@code
   * …/ipxe/01-….ipxe}), else "".
   */
  private static String pxeName(Resource resource) {
    String path = resource.path();
    int slash = path.lastIndexOf('/');
    if (resource.id().kind() == ResourceId.Kind.FILE
        && path.endsWith(".ipxe")
        && path.startsWith("01-", slash + 1)
        && slash > 0
        && path.startsWith(IpxeLayout.DIR + "/", path.lastIndexOf('/', slash - 1) + 1)) {
      return path.substring(slash + 1, path.length() - ".ipxe".length());
    }
    boolean inPxeDir =
        slash > 0 && path.startsWith("pxelinux.cfg", path.lastIndexOf('/', slash - 1) + 1);
    return inPxeDir && resource.id().kind() == ResourceId.Kind.FILE
        ? path.substring(slash + 1)
        : "";
  }

  /** {@code --host node0* --kind tftp}. */
  public String describe() {
    List<String> words = new ArrayList<>();
    hosts.forEach(h -> words.add("--host " + h));
    areas.stream().map(Area::word).sorted().forEach(a -> words.add("--kind " + a));
    return String.join(" ", words);
  }
}
