package io.netroot.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netroot.os.ConfigChecker;
import io.netroot.os.RootFs;
import io.netroot.os.ServiceBackend;
import io.netroot.spec.SpecLoader;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every resource of the repo's specs and examples has the area {@code --kind} names it by. */
class AreaTest {

  static final ConfigChecker ACCEPT =
      new ConfigChecker() {
        @Override
        public String name() {
          return "none";
        }

        @Override
        public boolean available() {
          return true;
        }

        @Override
        public Verdict check(byte[] candidate, String ownPart) {
          return Verdict.accepted(List.of());
        }
      };

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"specs", "examples/lab", "examples/rack", "examples/loaders"})
  void eachResourceOfTheSpecsAndExamplesIsInTheAreaItsPathSays(String specs) {
    RootFs root = new RootFs(dir);
    Catalog catalog =
        new CatalogCompiler(ACCEPT, ServiceBackend.forRoot(root))
            .compile(SpecLoader.load(Path.of(specs)), root);
    ServerLayout layout = catalog.layout();
    Set<Area> seen = EnumSet.noneOf(Area.class);
    for (Resource resource : catalog.resources()) {
      Area area = Area.of(resource.id(), layout);
      seen.add(area);
      String path = resource.path();
      String expected =
          switch (area) {
            case DHCP -> layout.dhcpConfig();
            case KERNEL ->
                path.startsWith(layout.tftpRoot())
                    ? layout.tftp("images/")
                    : layout.http("images/");
            case TFTP -> path.startsWith(layout.tftpRoot()) ? layout.tftpRoot() : "/etc/";
            case HTTP -> path.startsWith("/etc/") ? layout.http().config() : layout.http("ipxe/");
            case NFS -> "/";
            case IMAGE, SERVICE -> "";
          };
      assertThat(path).as("%s in %s", resource.id(), area).startsWith(expected);
      if (area == Area.NFS) {
        assertThat(path).as(resource.id().toString()).containsAnyOf("exports", "nfs", "ganesha");
      }
    }
    assertThat(seen).contains(Area.DHCP, Area.TFTP, Area.NFS, Area.KERNEL);
    if (specs.equals("examples/loaders")) {
      assertThat(seen).contains(Area.HTTP);
    }
  }

  @Test
  void idsOfEveryKindHaveAnArea() {
    ServerLayout layout =
        ServerLayout.resolve(SpecLoader.load(Path.of("specs")).server(), new RootFs(dir));
    assertThat(Area.of(ResourceId.parse("service:isc-dhcp-server"), layout))
        .isEqualTo(Area.SERVICE);
    assertThat(Area.of(ResourceId.parse("service:/srv/nfsroot/x:ssh"), layout))
        .isEqualTo(Area.IMAGE);
    assertThat(Area.of(ResourceId.parse("devnode:/srv/nfsroot/x/dev/console"), layout))
        .isEqualTo(Area.IMAGE);
    assertThat(Area.of(ResourceId.parse("keys:/etc/nfs.conf[nfsd]"), layout)).isEqualTo(Area.NFS);
    assertThat(Area.of(ResourceId.parse("keys:/etc/default/tftpd-hpa"), layout))
        .isEqualTo(Area.TFTP);
    assertThat(Area.of(ResourceId.parse("nfsd:/proc/fs/nfsd/versions"), layout))
        .isEqualTo(Area.NFS);
    assertThat(List.of(Area.values()).stream().map(a -> Area.parse(a.word().toUpperCase())))
        .containsExactly(Area.values());
    assertThatThrownBy(() -> Area.parse("dns")).hasMessageContaining("one of dhcp, tftp");
  }
}
