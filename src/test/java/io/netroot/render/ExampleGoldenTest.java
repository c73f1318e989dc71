package io.netroot.render;

import io.netroot.spec.Host;
import io.netroot.spec.Loader;
import io.netroot.spec.SpecLoader;
import io.netroot.spec.SpecSet;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden files for the specs the repository ships: each directory's YAML, loaded as a user's would
 * be, renders exactly the reviewed files in {@code src/test/resources/io/netroot/render/examples/}:
 * the DHCP block, exports, the pxelinux menu and host files, and where a profile boots through iPXE
 * each iPXE host's script, {@code boot.ipxe} and nginx's drop-in. Regenerate on purpose with {@code
 * -Dnetroot.golden.update=true}.
 */
class ExampleGoldenTest {

  private static final Path GOLDEN = Golden.DIR.resolve("examples");

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"specs", "examples/seed", "examples/lab", "examples/rack", "examples/loaders"})
  void rendersTheReviewedFiles(String dir) {
    SpecSet specs = SpecLoader.load(Path.of(dir));
    String name = Path.of(dir).getFileName().toString();
    ManagedBlock block = ManagedBlock.HASH_COMMENTS;
    Golden.assertMatches(
        block.wrap(new DhcpdConfRenderer(specs).blockBody()), GOLDEN.resolve(name + ".dhcpd.conf"));
    Golden.assertMatches(
        block.wrap(new ExportsRenderer(specs).blockBody()), GOLDEN.resolve(name + ".exports"));
    PxelinuxConfigRenderer pxe = new PxelinuxConfigRenderer(specs);
    Golden.assertMatches(pxe.menu(), GOLDEN.resolve(name + ".pxelinux-default"));
    List<Host> pxelinuxHosts =
        specs.hosts().stream().filter(h -> !IpxeLayout.boots(specs, h)).toList();
    Stream.of(pxelinuxHosts.get(0), pxelinuxHosts.get(pxelinuxHosts.size() - 1))
        .distinct()
        .forEach(
            (Host host) ->
                Golden.assertMatches(
                    pxe.host(host), GOLDEN.resolve(name + ".pxelinux-host-" + host.name())));
    if (specs.profiles().stream().anyMatch(p -> p.loader() == Loader.GRUB)) {
      GrubConfigRenderer grub = new GrubConfigRenderer(specs);
      Golden.assertMatches(grub.menu(), GOLDEN.resolve(name + ".grub.cfg"));
      specs.hosts().stream()
          .filter(h -> specs.profileOf(h).loader() == Loader.GRUB)
          .findFirst()
          .ifPresent(
              host ->
                  Golden.assertMatches(
                      grub.host(host), GOLDEN.resolve(name + ".grub.cfg-host-" + host.name())));
    }
    if (IpxeLayout.used(specs)) {
      // every iPXE host's script, the script that chains them, and nginx's drop-in
      IpxeScriptRenderer ipxe = new IpxeScriptRenderer(specs);
      specs.hosts().stream()
          .filter(h -> IpxeLayout.boots(specs, h))
          .forEach(
              host ->
                  Golden.assertMatches(
                      ipxe.host(host), GOLDEN.resolve(name + ".ipxe-host-" + host.name())));
      Golden.assertMatches(ipxe.boot(), GOLDEN.resolve(name + ".ipxe-boot"));
      Golden.assertMatches(
          new NginxConfRenderer(specs.server()).file(), GOLDEN.resolve(name + ".nginx.conf"));
    }
  }
}
