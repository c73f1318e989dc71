package io.netroot.spec;

/** One YAML document of the specs: something with a kind, a name and a place it came from. */
public sealed interface SpecDocument
    permits BootServer, Network, Kernel, RootImage, Export, Profile, Host {

  /** {@code metadata.name}. */
  String name();

  /** Where the document was read from. */
  Origin origin();

  /** The {@code kind} as written in YAML, for messages. */
  default String kind() {
    return getClass().getSimpleName();
  }
}
