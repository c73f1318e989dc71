package io.netroot.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The BootServer's {@code http} section and {@code loader: ipxe}, on a copy of {@code
 * examples/loaders}: the defaults, and each refusal pointing at its field.
 */
class IpxeSpecTest {

  private static final Path EXAMPLE = Path.of("examples/loaders");
  private static final String HTTP_LINE =
      "  http: {port: 80, root: /srv/netroot-http}   # nginx: /etc/nginx/conf.d/netroot.conf\n";

  @TempDir Path dir;

  /** The example with its BootServer's http line (line 11 of lab.yaml) replaced by {@code http}. */
  private void example(String http) throws IOException {
    for (String file : List.of("lab.yaml", "syslinux.yaml", "ipxe.yaml")) {
      String text = Files.readString(EXAMPLE.resolve(file));
      if (file.equals("lab.yaml")) {
        assertThat(text).contains(HTTP_LINE);
        text = text.replace(HTTP_LINE, http);
      }
      Files.writeString(dir.resolve(file), text);
    }
  }

  private List<String> messages() {
    return SpecFixtures.errors(dir).stream().map(SpecError::toString).toList();
  }

  @Test
  void theExampleBindsItsHttpServerWithTheDefaultsFilledIn() throws IOException {
    example(HTTP_LINE);
    SpecSet specs = SpecLoader.load(dir);
    assertThat(specs.server().http())
        .isEqualTo(
            new BootServer.Http(
                80,
                "/srv/netroot-http",
                Ipv4.parse("10.20.0.1"),
                "/etc/nginx/conf.d/netroot.conf",
                "nginx"));
    assertThat(specs.profilesByName().get("ipxe").loader()).isEqualTo(Loader.IPXE);
    assertThat(specs.profilesByName().get("syslinux").loader()).isEqualTo(Loader.SYSLINUX);

    example(
        "  http: {port: 8080, root: /srv/boot-http, address: 10.20.0.2,"
            + " config: /etc/nginx/conf.d/boot.conf, service: nginx-boot}\n");
    assertThat(SpecLoader.load(dir).server().http())
        .isEqualTo(
            new BootServer.Http(
                8080,
                "/srv/boot-http",
                Ipv4.parse("10.20.0.2"),
                "/etc/nginx/conf.d/boot.conf",
                "nginx-boot"));
  }

  @Test
  void anIpxeProfileWithoutAnHttpServerIsRefusedAtItsLoader() throws IOException {
    example("");
    assertThat(messages())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e)
                    .startsWith(dir.resolve("ipxe.yaml") + ":12:11: ")
                    .contains("Profile \"ipxe\": spec.loader ipxe loads the kernel and initrd over")
                    .contains("BootServer \"loaders\" (at " + dir.resolve("lab.yaml") + ":5:1)")
                    .contains("add http: {port: 80, root: /srv/netroot-http}"));
  }

  @Test
  void aPortOutsideTcpsIsRefusedAtThePort() throws IOException {
    for (String port : List.of("0", "65536", "-80")) {
      example("  http: {port: " + port + ", root: /srv/netroot-http}\n");
      assertThat(messages())
          .as(port)
          .singleElement()
          .satisfies(
              e ->
                  assertThat(e)
                      .startsWith(dir.resolve("lab.yaml") + ":11:16: ")
                      .contains("spec.http.port " + port + " is not a TCP port; use 1 to 65535"));
    }
    example("  http: {port: eighty}\n");
    assertThat(messages()).singleElement().asString().startsWith(dir.resolve("lab.yaml") + ":11:");
  }

  @Test
  void aRootThatIsNotADirectoryOfItsOwnIsRefusedAtTheRoot() throws IOException {
    example("  http: {root: srv/http}\n");
    assertThat(messages())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e)
                    .startsWith(dir.resolve("lab.yaml") + ":11:16: ")
                    .contains("must be an absolute path"));
    example("  http: {root: /etc}\n");
    assertThat(messages())
        .singleElement()
        .asString()
        .contains("a system directory; the HTTP root must be a directory of its own");
    example("  http: {root: \"/srv/http;x\"}\n");
    assertThat(messages()).singleElement().asString().contains("';'");
  }

  @Test
  void aDropInNginxWouldNotReadIsRefused() throws IOException {
    example("  http: {config: /etc/nginx/sites-enabled/netroot}\n");
    assertThat(messages())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e)
                    .startsWith(dir.resolve("lab.yaml") + ":11:18: ")
                    .contains("does not end in .conf"));
  }
}
