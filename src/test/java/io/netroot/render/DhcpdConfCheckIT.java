package io.netroot.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.netroot.spec.Host;
import io.netroot.spec.SpecSet;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Has the real ISC dhcpd parse what the renderer writes ({@code dhcpd -t -cf FILE}). */
class DhcpdConfCheckIT {

  @TempDir Path dir;

  static Stream<Arguments> fixtures() {
    return Stream.of(
        Arguments.of("seed", (Supplier<SpecSet>) RenderFixtures::seed),
        Arguments.of("lab", (Supplier<SpecSet>) RenderFixtures::lab),
        Arguments.of("rack", (Supplier<SpecSet>) RenderFixtures::rack),
        Arguments.of("secureboot", (Supplier<SpecSet>) RenderFixtures::secureBoot),
        Arguments.of("awkward names", (Supplier<SpecSet>) DhcpdConfCheckIT::awkwardNames));
  }

  /** Every reviewed golden dhcpd.conf, including those rendered from the shipped specs. */
  static Stream<Path> goldenFiles() throws Exception {
    try (Stream<Path> walk = java.nio.file.Files.walk(Golden.DIR)) {
      return walk.filter(p -> p.toString().endsWith(".dhcpd.conf")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenFiles")
  void dhcpdAcceptsEveryGoldenFile(Path golden) throws Exception {
    String file = java.nio.file.Files.readString(golden);
    Result result = check(file);
    assertThat(result.exitCode()).as("dhcpd -t rejected %s:%n%s", golden, result.output()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void dhcpdAcceptsTheRenderedFile(String name, Supplier<SpecSet> fixture) throws Exception {
    String body = new DhcpdConfRenderer(fixture.get()).blockBody();
    String file = ManagedBlock.HASH_COMMENTS.splice(null, ManagedBlock.HASH_COMMENTS.wrap(body));

    Result result = check(file);

    assertThat(result.exitCode())
        .as(
            "dhcpd -t rejected the %s dhcpd.conf:%n%s%n--- file ---%n%s",
            name, result.output(), file)
        .isZero();
  }

  @Test
  void dhcpdRejectsABrokenFile() throws Exception {
    String body = new DhcpdConfRenderer(RenderFixtures.seed()).blockBody();
    String broken = body.replace("fixed-address 10.0.0.222;", "fixed-address 10.0.0.222");

    Result result = check(ManagedBlock.HASH_COMMENTS.wrap(broken));

    assertThat(result.exitCode()).as("dhcpd output:%n%s", result.output()).isNotZero();
  }

  /** Host names dhcpd's lexer cannot read as they are, next to ones it can. */
  private static SpecSet awkwardNames() {
    SpecSet seed = RenderFixtures.seed();
    List<Host> hosts = new ArrayList<>();
    String[] names = {"_odd", "a._b", "01", "node-01", "a_b.c-d", "host", "subnet"};
    for (int i = 0; i < names.length; i++) {
      hosts.add(
          RenderFixtures.host(
              names[i],
              "52:54:00:00:01:" + String.format("%02x", i),
              "10.0.0." + (10 + i),
              "nfs-centos55"));
    }
    return new SpecSet(
        seed.server(),
        seed.networks(),
        seed.kernels(),
        seed.rootImages(),
        seed.exports(),
        seed.profiles(),
        hosts);
  }

  private record Result(int exitCode, String output) {}

  private Result check(String configText) throws IOException, InterruptedException {
    Path config = Files.createTempFile(dir, "dhcpd", ".conf");
    Files.writeString(config, configText, StandardCharsets.UTF_8);
    Process process =
        new ProcessBuilder(dhcpd().toString(), "-t", "-cf", config.toString())
            .redirectErrorStream(true)
            .start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("dhcpd -t did not finish within 60 seconds");
    }
    return new Result(process.exitValue(), output);
  }

  private static Path dhcpd() {
    List<Path> candidates = new ArrayList<>();
    candidates.add(Path.of("/usr/sbin/dhcpd"));
    String path = System.getenv("PATH");
    if (path != null) {
      for (String entry : path.split(File.pathSeparator)) {
        if (!entry.isEmpty()) {
          candidates.add(Path.of(entry, "dhcpd"));
        }
      }
    }
    for (Path candidate : candidates) {
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return fail("dhcpd not found: apt-get install isc-dhcp-server");
  }
}
