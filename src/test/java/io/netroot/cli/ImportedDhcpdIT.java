package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.importer.Importer;
import io.netroot.os.CommandRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With the real ISC dhcpd: on each fixture server, the imported specs applied over the hand-made
 * files leave a dhcpd.conf that {@code dhcpd -t} accepts, declaring each MAC address once.
 */
class ImportedDhcpdIT {

  private static final Pattern MAC =
      Pattern.compile("hardware\\s+ethernet\\s+([0-9A-Fa-f:]{17})\\s*;");

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"seed", "cobbler", "warewulf3", "isc-example"})
  void theAdoptedDhcpdConfIsAcceptedWithEachHostOnce(String server) throws Exception {
    Path root = ImportRoundTripTest.fixture(server, dir.resolve("root"));
    Path specs = dir.resolve("specs");
    Importer.run(new Importer.Options(root, specs, null, null, null, false));
    ImportRoundTripTest.useTestBootloader(specs.resolve("server.yaml"), dir.resolve("syslinux"));
    TestBootServer.Run apply =
        TestBootServer.run("apply", "--specs", specs.toString(), "--root", root.toString());
    assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();

    Path conf =
        Files.exists(root.resolve("etc/dhcp/dhcpd.conf"))
            ? root.resolve("etc/dhcp/dhcpd.conf")
            : root.resolve("etc/dhcpd.conf");
    CommandRunner.Result check =
        new CommandRunner(30)
            .run(
                List.of(
                    CommandRunner.find("dhcpd").orElseThrow().toString(),
                    "-4",
                    "-t",
                    "-cf",
                    conf.toString()));
    assertThat(check.exitCode()).as("%s\n%s", check.output(), Files.readString(conf)).isZero();
    Map<String, Integer> declared = new HashMap<>();
    Matcher m = MAC.matcher(Files.readString(conf));
    while (m.find()) {
      declared.merge(m.group(1).toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
    }
    assertThat(declared.values()).as(declared.toString()).allMatch(n -> n == 1);
  }
}
