package io.netroot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.catalog.CatalogCompiler;
import io.netroot.engine.Action;
import io.netroot.engine.Engine;
import io.netroot.engine.Options;
import io.netroot.engine.Report;
import io.netroot.engine.ResourceResult;
import io.netroot.engine.Status;
import io.netroot.os.ConfigChecker;
import io.netroot.os.RootFs;
import io.netroot.os.ServiceBackend;
import io.netroot.spec.SpecLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cost that does not grow with the fleet: after one host changes, apply rewrites that host's PXE
 * file in each boot tree and the DHCP block, and nothing else.
 */
class OneHostChangeTest {

  private static final ConfigChecker ACCEPTS_ALL =
      new ConfigChecker() {
        @Override
        public String name() {
          return "test";
        }

        @Override
        public boolean available() {
          return false;
        }

        @Override
        public Verdict check(byte[] candidate, String ownPart) {
          return Verdict.accepted(List.of());
        }
      };

  @TempDir Path dir;

  @Test
  void oneHostChangedRewritesItsPxeFilesAndTheDhcpBlockOnly() {
    Path specs = dir.resolve("specs");
    RootFs root = new RootFs(dir.resolve("root"));
    FleetGenerator fleet = new FleetGenerator(2_000, 4, 4, 5);
    fleet.write(specs);
    Report first = apply(specs, root);
    assertThat(first.hasFailures()).isFalse();
    assertThat(first.count(Action.CREATE)).isGreaterThan(4_000);

    FleetGenerator.HostSpec host = fleet.changeOneHost(specs, 1_234);
    Report second = apply(specs, root);

    String config = "01-" + host.mac().replace(':', '-');
    assertThat(second.hasFailures()).isFalse();
    assertThat(second.changes())
        .extracting(ResourceResult::path)
        .containsExactlyInAnyOrder(
            "/srv/tftp/pxelinux.cfg/" + config,
            "/srv/tftp/efi64/pxelinux.cfg/" + config,
            "/etc/dhcp/dhcpd.conf");
    assertThat(second.changes()).allMatch(r -> r.status() == Status.APPLIED);
    assertThat(second.changes()).allMatch(r -> r.action() == Action.UPDATE);
  }

  private static Report apply(Path specs, RootFs root) {
    return new Engine(root, ServiceBackend.none(), Clock.systemUTC())
        .reconcile(
            new CatalogCompiler(ACCEPTS_ALL, ServiceBackend.none())
                .compile(SpecLoader.load(specs), root),
            Options.apply(false));
  }
}
