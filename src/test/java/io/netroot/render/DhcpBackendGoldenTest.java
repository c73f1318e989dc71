package io.netroot.render;

import io.netroot.spec.BootServer;
import io.netroot.spec.BootServer.DhcpMode;
import io.netroot.spec.BootServer.DhcpServer;
import io.netroot.spec.SpecLoader;
import io.netroot.spec.SpecSet;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files of the Kea and dnsmasq backends, for the spec sets built in code (seed, lab, rack)
 * and for the specs the repository ships, each rendered as Kea's {@code kea-dhcp4.conf} (the file
 * netroot creates when there is none), dnsmasq's drop-in in full mode and in proxy mode. The
 * integration tests feed every one of them to the real {@code kea-dhcp4 -t} and {@code dnsmasq
 * --test}. Regenerate on purpose with {@code -Dnetroot.golden.update=true}, then read them.
 */
class DhcpBackendGoldenTest {

  static Stream<Arguments> fixtures() {
    return Stream.of(
        Arguments.of("seed", (Supplier<SpecSet>) RenderFixtures::seed),
        Arguments.of("lab", (Supplier<SpecSet>) RenderFixtures::lab),
        Arguments.of("rack", (Supplier<SpecSet>) RenderFixtures::rack),
        Arguments.of("secureboot", (Supplier<SpecSet>) RenderFixtures::secureBoot),
        Arguments.of("examples/specs", (Supplier<SpecSet>) () -> load("specs")),
        Arguments.of("examples/seed", (Supplier<SpecSet>) () -> load("examples/seed")),
        Arguments.of("examples/lab", (Supplier<SpecSet>) () -> load("examples/lab")),
        Arguments.of("examples/rack", (Supplier<SpecSet>) () -> load("examples/rack")),
        Arguments.of("examples/loaders", (Supplier<SpecSet>) () -> load("examples/loaders")));
  }

  private static SpecSet load(String dir) {
    return SpecLoader.load(Path.of(dir));
  }

  /** {@code specs} with its boot server's DHCP server and mode replaced. */
  static SpecSet with(SpecSet specs, DhcpServer server, DhcpMode mode) {
    BootServer b = specs.server();
    BootServer changed =
        new BootServer(
            b.name(),
            b.address(),
            b.platform(),
            b.tftpRoot(),
            new BootServer.Dhcp(null, null, server, mode),
            b.nfs(),
            b.tftp(),
            b.bootloader(),
            b.pxe(),
            b.agent(),
            b.http(),
            b.origin());
    return new SpecSet(
        changed,
        specs.networks(),
        specs.kernels(),
        specs.rootImages(),
        specs.exports(),
        specs.profiles(),
        specs.hosts());
  }

  /** What netroot writes as {@code kea-dhcp4.conf} when there is none. */
  static String keaFile(SpecSet specs) {
    ManagedBlock block = ManagedBlock.HASH_COMMENTS;
    String body = new KeaConfigRenderer(with(specs, DhcpServer.KEA, DhcpMode.FULL)).blockBody();
    return block.splice(null, block.wrap(body), KeaBlockPlacement.INSTANCE);
  }

  static String dnsmasqFile(SpecSet specs, DhcpMode mode) {
    return new DnsmasqConfRenderer(with(specs, DhcpServer.DNSMASQ, mode)).file();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void kea(String name, Supplier<SpecSet> fixture) {
    Golden.assertMatches(keaFile(fixture.get()), Golden.DIR.resolve(name + ".kea-dhcp4.conf"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void dnsmasqFull(String name, Supplier<SpecSet> fixture) {
    Golden.assertMatches(
        dnsmasqFile(fixture.get(), DhcpMode.FULL), Golden.DIR.resolve(name + ".dnsmasq.conf"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void dnsmasqProxy(String name, Supplier<SpecSet> fixture) {
    Golden.assertMatches(
        dnsmasqFile(fixture.get(), DhcpMode.PROXY),
        Golden.DIR.resolve(name + ".dnsmasq-proxy.conf"));
  }
}
