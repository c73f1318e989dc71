package io.netroot.spec;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every document of a specs directory, loaded and checked: exactly one boot server, and references
 * between documents that resolve. Lists keep the order of the files (sorted by path) and of
 * documents within them.
 */
public record SpecSet(
    BootServer server,
    List<Network> networks,
    List<Kernel> kernels,
    List<RootImage> rootImages,
    List<Export> exports,
    List<Profile> profiles,
    List<Host> hosts) {

  public SpecSet {
    networks = List.copyOf(networks);
    kernels = List.copyOf(kernels);
    rootImages = List.copyOf(rootImages);
    exports = List.copyOf(exports);
    profiles = List.copyOf(profiles);
    hosts = List.copyOf(hosts);
  }

  public Map<String, Kernel> kernelsByName() {
    return byName(kernels);
  }

  public Map<String, RootImage> rootImagesByName() {
    return byName(rootImages);
  }

  public Map<String, Profile> profilesByName() {
    return byName(profiles);
  }

  private static <T extends SpecDocument> Map<String, T> byName(List<T> documents) {
    return documents.stream()
        .collect(
            Collectors.toUnmodifiableMap(SpecDocument::name, Function.identity(), (a, b) -> a));
  }
}
