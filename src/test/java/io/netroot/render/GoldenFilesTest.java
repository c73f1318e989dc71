package io.netroot.render;

import io.netroot.spec.Host;
import io.netroot.spec.SpecSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GoldenFilesTest {

  static Stream<Arguments> fixtures() {
    return Stream.of(
        Arguments.of("seed", (Supplier<SpecSet>) RenderFixtures::seed, "devboard"),
        Arguments.of("lab", (Supplier<SpecSet>) RenderFixtures::lab, "node-a"),
        Arguments.of("rack", (Supplier<SpecSet>) RenderFixtures::rack, "node17"),
        Arguments.of("secureboot", (Supplier<SpecSet>) RenderFixtures::secureBoot, "node-a"));
  }

  @org.junit.jupiter.api.Test
  void grubMenuAndHostFiles() {
    SpecSet specs = RenderFixtures.secureBoot();
    GrubConfigRenderer grub = new GrubConfigRenderer(specs);
    Golden.assertMatches(grub.menu(), Golden.DIR.resolve("secureboot.grub.cfg"));
    for (String name : java.util.List.of("node-a", "node-b")) {
      Host host = specs.hosts().stream().filter(h -> h.name().equals(name)).findFirst().get();
      Golden.assertMatches(grub.host(host), Golden.DIR.resolve("secureboot.grub.cfg-host-" + name));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void dhcpdConfOfAMissingFileIsTheWrappedBlock(String name, Supplier<SpecSet> fixture) {
    String body = new DhcpdConfRenderer(fixture.get()).blockBody();
    String file = ManagedBlock.HASH_COMMENTS.splice(null, ManagedBlock.HASH_COMMENTS.wrap(body));
    Golden.assertMatches(file, Golden.DIR.resolve(name + ".dhcpd.conf"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void exports(String name, Supplier<SpecSet> fixture) {
    String body = new ExportsRenderer(fixture.get()).blockBody();
    String file = ManagedBlock.HASH_COMMENTS.splice(null, ManagedBlock.HASH_COMMENTS.wrap(body));
    Golden.assertMatches(file, Golden.DIR.resolve(name + ".exports"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void ganeshaExports(String name, Supplier<SpecSet> fixture) {
    String body = new GaneshaExportsRenderer(fixture.get()).blockBody();
    String file = ManagedBlock.HASH_COMMENTS.splice(null, ManagedBlock.HASH_COMMENTS.wrap(body));
    Golden.assertMatches(file, Golden.DIR.resolve(name + ".ganesha.conf"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void pxelinuxMenu(String name, Supplier<SpecSet> fixture) {
    String menu = new PxelinuxConfigRenderer(fixture.get()).menu();
    Golden.assertMatches(menu, Golden.DIR.resolve(name + ".pxelinux-default"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void pxelinuxHostFile(String name, Supplier<SpecSet> fixture, String hostName) {
    SpecSet specs = fixture.get();
    Host host =
        specs.hosts().stream().filter(h -> h.name().equals(hostName)).findFirst().orElseThrow();
    String file = new PxelinuxConfigRenderer(specs).host(host);
    Golden.assertMatches(file, Golden.DIR.resolve(name + ".pxelinux-host-" + hostName));
  }
}
