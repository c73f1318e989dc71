package io.netroot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.spec.SpecLoader;
import io.netroot.spec.SpecSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FleetGeneratorTest {

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"1, 1, 1", "10, 2, 3", "500, 4, 4", "3000, 6, 8"})
  void generatedFleetsValidate(int hosts, int networks, int profiles) {
    new FleetGenerator(hosts, networks, profiles, 7).write(dir);

    SpecSet specs = SpecLoader.load(dir);

    assertThat(specs.hosts()).hasSize(hosts);
    assertThat(specs.networks()).hasSize(networks);
    assertThat(specs.profiles()).hasSize(profiles);
    assertThat(specs.kernels()).hasSize((profiles + 1) / 2);
    assertThat(specs.rootImages()).hasSize((profiles + 1) / 2);
    assertThat(Files.isRegularFile(dir.resolve("kernels/vmlinuz-k0"))).isTrue();
  }

  @Test
  void theSameSeedWritesTheSameBytes() throws IOException {
    new FleetGenerator(700, 3, 4, 42).write(dir.resolve("a"));
    new FleetGenerator(700, 3, 4, 42).write(dir.resolve("b"));
    new FleetGenerator(700, 3, 4, 43).write(dir.resolve("c"));

    assertThat(contents(dir.resolve("a"))).isEqualTo(contents(dir.resolve("b")));
    assertThat(contents(dir.resolve("a"))).isNotEqualTo(contents(dir.resolve("c")));
  }

  @Test
  void aChangedHostStillValidates() {
    FleetGenerator generator = new FleetGenerator(400, 2, 3, 1);
    generator.write(dir);

    FleetGenerator.HostSpec changed = generator.changeOneHost(dir, 17);

    SpecSet specs = SpecLoader.load(dir);
    assertThat(specs.hosts()).hasSize(400);
    assertThat(specs.hosts())
        .anySatisfy(
            host -> {
              assertThat(host.name()).isEqualTo(changed.name());
              assertThat(host.ip().toString()).isEqualTo(changed.ip());
              assertThat(host.profile()).isEqualTo(FleetGenerator.profileName(changed.profile()));
            });
  }

  @Test
  void bothLayoutsHoldTheSameHosts() throws IOException {
    new FleetGenerator(900, 3, 4, 5, FleetGenerator.Layout.PER_NETWORK).write(dir.resolve("split"));
    new FleetGenerator(900, 3, 4, 5, FleetGenerator.Layout.ONE_FILE).write(dir.resolve("one"));

    assertThat(Files.exists(dir.resolve("one/hosts"))).isFalse();
    assertThat(Files.readString(dir.resolve("one/hosts.yaml"))).contains("node00000", "node00899");
    assertThat(Files.exists(dir.resolve("split/hosts.yaml"))).isFalse();
    assertThat(dir.resolve("split/hosts")).isDirectoryContaining("glob:**/net2.yaml");
    SpecSet split = SpecLoader.load(dir.resolve("split"));
    SpecSet one = SpecLoader.load(dir.resolve("one"));
    assertThat(hosts(one)).hasSize(900).isEqualTo(hosts(split));
  }

  @Test
  void aChangedHostInTheOneFileLayoutStillValidates() throws IOException {
    FleetGenerator generator = new FleetGenerator(300, 2, 3, 1, FleetGenerator.Layout.ONE_FILE);
    generator.write(dir);
    String before = Files.readString(dir.resolve("hosts.yaml"));

    FleetGenerator.HostSpec changed = generator.changeOneHost(dir, 40);

    assertThat(Files.readString(dir.resolve("hosts.yaml"))).isNotEqualTo(before);
    SpecSet specs = SpecLoader.load(dir);
    assertThat(specs.hosts()).hasSize(300);
    assertThat(hosts(specs))
        .containsEntry(
            changed.name(), changed.ip() + " " + FleetGenerator.profileName(changed.profile()));
  }

  private static Map<String, String> hosts(SpecSet specs) {
    Map<String, String> byName = new TreeMap<>();
    specs.hosts().forEach(host -> byName.put(host.name(), host.ip() + " " + host.profile()));
    return byName;
  }

  private static Map<String, String> contents(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(
            root.relativize(file).toString(),
            java.util.HexFormat.of().formatHex(Files.readAllBytes(file)));
      }
    }
    return files;
  }
}
