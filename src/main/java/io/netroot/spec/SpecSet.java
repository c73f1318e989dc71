package io.netroot.spec;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every document of a specs directory, loaded and checked: exactly one boot server, and references
 * between documents that resolve. Lists keep the order of the files (sorted by path) and of
 * documents within them.
 *
 * <p>It also answers, once for everyone who asks, which Network a host's address is in ({@link
 * #networkOf}) and which Profile a host boots ({@link #profileOf}): the spec checks, the renderers
 * and the catalog all look these up here. The lookups are indexed when the set is built, so each
 * costs constant time at any fleet size.
 *
 * <p>Equal, as a value, to another set with equal documents.
 */
public final class SpecSet {

  private final BootServer server;
  private final List<Network> networks;
  private final List<Kernel> kernels;
  private final List<RootImage> rootImages;
  private final List<Export> exports;
  private final List<Profile> profiles;
  private final List<Host> hosts;

  private final NetworkIndex networkIndex;
  private final Map<String, Kernel> kernelsByName;
  private final Map<String, RootImage> rootImagesByName;
  private final Map<String, Profile> profilesByName;
  private final Map<String, Kernel> firstKernelFromImage;

  /**
   * @param server the boot server; {@code null} only while the documents of specs that have none
   *     are checked, never in a set the loader returns
   */
  public SpecSet(
      BootServer server,
      List<Network> networks,
      List<Kernel> kernels,
      List<RootImage> rootImages,
      List<Export> exports,
      List<Profile> profiles,
      List<Host> hosts) {
    this.server = server;
    this.networks = List.copyOf(networks);
    this.kernels = List.copyOf(kernels);
    this.rootImages = List.copyOf(rootImages);
    this.exports = List.copyOf(exports);
    this.profiles = List.copyOf(profiles);
    this.hosts = List.copyOf(hosts);
    this.networkIndex = new NetworkIndex(this.networks);
    this.kernelsByName = byName(this.kernels);
    this.rootImagesByName = byName(this.rootImages);
    this.profilesByName = byName(this.profiles);
    Map<String, Kernel> fromImage = new HashMap<>();
    for (Kernel kernel : this.kernels) {
      if (kernel.fromImage() != null) {
        fromImage.putIfAbsent(kernel.fromImage(), kernel);
      }
    }
    this.firstKernelFromImage = Collections.unmodifiableMap(fromImage);
  }

  public BootServer server() {
    return server;
  }

  public List<Network> networks() {
    return networks;
  }

  public List<Kernel> kernels() {
    return kernels;
  }

  public List<RootImage> rootImages() {
    return rootImages;
  }

  public List<Export> exports() {
    return exports;
  }

  public List<Profile> profiles() {
    return profiles;
  }

  public List<Host> hosts() {
    return hosts;
  }

  /** The kernels by name; of two with one name, the first. */
  public Map<String, Kernel> kernelsByName() {
    return kernelsByName;
  }

  /** The root images by name; of two with one name, the first. */
  public Map<String, RootImage> rootImagesByName() {
    return rootImagesByName;
  }

  /** The profiles by name; of two with one name, the first. */
  public Map<String, Profile> profilesByName() {
    return profilesByName;
  }

  /**
   * The first Kernel, in spec order, that publishes the kernel of the RootImage named {@code image}
   * ({@code fromImage}), or {@code null} when none does.
   */
  public Kernel firstKernelFrom(String image) {
    return firstKernelFromImage.get(image);
  }

  /**
   * Who makes the initramfs of {@code image} when netroot builds it: the {@code rootMethod} of the
   * first Kernel taken from it ({@link #firstKernelFrom}), or initramfs-tools when no Kernel is.
   * Kernels of one image that disagree are a spec error.
   */
  public RootMethod initramfsOf(RootImage image) {
    Kernel kernel = firstKernelFrom(image.name());
    return kernel == null ? RootMethod.INITRAMFS_TOOLS : kernel.rootMethod();
  }

  /**
   * The Network {@code host}'s address is in: the most specific one, as in dhcpd, and of identical
   * subnets the first in spec order. {@code null} when it is outside every Network, which only
   * specs that have not passed the checks allow, or has no address (proxy mode).
   */
  public Network networkOf(Host host) {
    return host.ip() == null ? null : networkIndex.find(host.ip());
  }

  /** As {@link #networkOf(Host)}, making its lookups through {@code comparisons}. */
  Network networkOf(Host host, Comparisons comparisons) {
    return host.ip() == null ? null : networkIndex.find(host.ip(), comparisons);
  }

  /**
   * The Profile {@code host} boots (of two with its name, the first), or {@code null} when none has
   * its name, which only specs that have not passed the checks allow.
   */
  public Profile profileOf(Host host) {
    return profilesByName.get(host.profile());
  }

  /**
   * The most specific Network whose subnet holds all of {@code range}, or {@code null}; its lookups
   * are made through {@code comparisons}.
   */
  Network networkCovering(Ipv4Cidr range, Comparisons comparisons) {
    return networkIndex.covering(range, comparisons);
  }

  private static <T extends SpecDocument> Map<String, T> byName(List<T> documents) {
    Map<String, T> map = new HashMap<>();
    for (T document : documents) {
      map.putIfAbsent(document.name(), document);
    }
    return Collections.unmodifiableMap(map);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SpecSet that
        && Objects.equals(server, that.server)
        && networks.equals(that.networks)
        && kernels.equals(that.kernels)
        && rootImages.equals(that.rootImages)
        && exports.equals(that.exports)
        && profiles.equals(that.profiles)
        && hosts.equals(that.hosts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(server, networks, kernels, rootImages, exports, profiles, hosts);
  }

  @Override
  public String toString() {
    return "SpecSet[server="
        + server
        + ", networks="
        + networks
        + ", kernels="
        + kernels
        + ", rootImages="
        + rootImages
        + ", exports="
        + exports
        + ", profiles="
        + profiles
        + ", hosts="
        + hosts
        + "]";
  }
}
