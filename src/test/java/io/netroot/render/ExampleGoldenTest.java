package io.netroot.render;

import io.netroot.spec.Host;
import io.netroot.spec.Loader;
import io.netroot.spec.SpecLoader;
import io.netroot.spec.SpecSet;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden files for the specs the repository ships: each directory's YAML, loaded as a user's would
 * be, renders exactly the reviewed files in {@code src/test/resources/io/netroot/render/examples/}.
 * Regenerate on purpose with {@code -Dnetroot.golden.update=true}.
 */
class ExampleGoldenTest {

  private static final Path GOLDEN = Golden.DIR.resolve("examples");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"specs", "examples/seed", "examples/lab", "examples/rack"})
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
    Stream.of(specs.hosts().get(0), specs.hosts().get(specs.hosts().size() - 1))
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
  }
}
