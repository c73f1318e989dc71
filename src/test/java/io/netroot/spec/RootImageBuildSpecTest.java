package io.netroot.spec;

import static io.netroot.spec.SpecFixtures.errors;
import static io.netroot.spec.SpecFixtures.resource;
import static io.netroot.spec.SpecFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A RootImage's {@code build}, {@code overlay} and {@code files}: every value comes through
 * exactly, and every mistake is one error at its own line and column.
 */
class RootImageBuildSpecTest {

  @TempDir Path dir;

  @BeforeEach
  void base() {
    write(dir, "00-base.yaml", resource("base.yaml"));
  }

  private static final String HEAD =
      """
      apiVersion: netroot/v1
      kind: RootImage
      metadata: {name: bookworm}
      spec:
        path: /srv/nfsroot/bookworm
      """;

  /** The one error of an image whose spec is {@link #HEAD} followed by {@code lines}. */
  private SpecError onlyError(String lines) {
    write(dir, "image.yaml", HEAD + lines);
    List<SpecError> errors = errors(dir);
    assertThat(errors).hasSize(1);
    return errors.get(0);
  }

  private Position at(int line, int column) {
    return new Position(dir.resolve("image.yaml").toString(), line, column);
  }

  private RootImage load(String lines) {
    write(dir, "image.yaml", HEAD + lines);
    return SpecLoader.load(dir).rootImagesByName().get("bookworm");
  }

  @Test
  void everyBuildOverlayAndFileValueComesThroughExactly() {
    RootImage image =
        load(
            """
              build:
                distribution: debian
                suite: bookworm
                packages: [systemd-sysv, linux-image-amd64, initramfs-tools, nfs-common, nfs-common]
                mirror: http://deb.debian.org/debian
                packageCache: /var/cache/netroot/packages
              readOnly: true
              overlay: tmpfs
              files:
                - {path: /etc/motd, content: "diskless node, root over NFS\\n", mode: "0644"}
                - path: /usr/local/bin/hello
                  content: |
                    #!/bin/sh
                    echo hello
                  mode: 755
                - {path: /etc/issue.net, content: ""}
            """);
    assertThat(image.build())
        .isEqualTo(
            new RootImage.Build(
                RootImage.Distribution.DEBIAN,
                "bookworm",
                List.of("initramfs-tools", "linux-image-amd64", "nfs-common", "systemd-sysv"),
                "http://deb.debian.org/debian",
                "/var/cache/netroot/packages"));
    assertThat(image.source()).isNull();
    assertThat(image.readOnly()).isTrue();
    assertThat(image.overlay()).isEqualTo(RootImage.Overlay.TMPFS);
    assertThat(image.files())
        .containsExactly(
            new RootImage.ImageFile(
                "/etc/motd", "diskless node, root over NFS\n", 0644, at(15, 7).toString()),
            new RootImage.ImageFile(
                "/usr/local/bin/hello", "#!/bin/sh\necho hello\n", 0755, at(16, 7).toString()),
            new RootImage.ImageFile("/etc/issue.net", "", 0644, at(21, 7).toString()));
    assertThat(image.origin().at("spec.build.suite")).isEqualTo(at(8, 12));
    assertThat(image.origin().at("spec.files.1")).isEqualTo(at(16, 7));
  }

  @Test
  void anUbuntuBuildNeedsOnlyItsDistributionAndSuite() {
    RootImage image = load("  build: {distribution: ubuntu, suite: noble}\n");
    assertThat(image.build())
        .isEqualTo(
            new RootImage.Build(RootImage.Distribution.UBUNTU, "noble", List.of(), null, null));
    assertThat(image.overlay()).isEqualTo(RootImage.Overlay.NONE);
    assertThat(image.files()).isEmpty();
  }

  @Test
  void withoutBuildOverlayOrFilesNothingIsSet() {
    RootImage image = load("  readOnly: true\n  overlay: none\n");
    assertThat(image.build()).isNull();
    assertThat(image.overlay()).isEqualTo(RootImage.Overlay.NONE);
    assertThat(image.files()).isEmpty();
  }

  @Test
  void buildTogetherWithSourceIsAnErrorAtBuild() {
    SpecError error =
        onlyError(
            "  source: {directory: /srv/golden}\n"
                + "  build: {distribution: debian, suite: bookworm}\n");
    assertThat(error.position()).isEqualTo(at(7, 10));
    assertThat(error.message())
        .isEqualTo(
            "RootImage \"bookworm\": spec.build and spec.source both fill the image; keep build"
                + " (netroot builds it from packages) or source (a tarball or a directory), not"
                + " both");
  }

  @Test
  void aBuildWithoutDistributionOrSuiteIsAnErrorAtBuild() {
    write(dir, "image.yaml", HEAD + "  build: {packages: [nfs-common]}\n");
    assertThat(errors(dir))
        .extracting(SpecError::toString)
        .containsExactly(
            at(6, 3) + ": RootImage \"bookworm\": spec.build.distribution is required but missing",
            at(6, 3) + ": RootImage \"bookworm\": spec.build.suite is required but missing");
  }

  @Test
  void aDistributionMmdebstrapDoesNotBuildIsNotSupportedYet() {
    SpecError error = onlyError("  build:\n    distribution: fedora\n    suite: f40\n");
    assertThat(error.position()).isEqualTo(at(7, 19));
    assertThat(error.message())
        .isEqualTo(
            "RootImage \"bookworm\": spec.build.distribution \"fedora\" is not supported yet:"
                + " netroot builds images with mmdebstrap, for debian and ubuntu; fill an image of"
                + " another distribution with spec.source");
  }

  @Test
  void aMisspeltDistributionGetsTheNearestOne() {
    SpecError error = onlyError("  build: {distribution: Debian, suite: bookworm}\n");
    assertThat(error.position()).isEqualTo(at(6, 25));
    assertThat(error.message()).endsWith("; did you mean \"debian\"?");
  }

  /** A build whose line {@code line} replaces the suite, or follows it. */
  private static String build(String line) {
    return "  build:\n    distribution: debian\n"
        + (line.startsWith("suite:") ? "" : "    suite: bookworm\n")
        + "    "
        + line
        + "\n";
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "suite: Bookworm | 8 | 12 | spec.build.suite \"Bookworm\" contains 'B'; a suite is"
            + " lowercase letters, digits and -, starting with a letter or digit",
        "suite: \"-v\" | 8 | 12 | spec.build.suite \"-v\" starts with -",
        "suite: \"bookworm updates\" | 8 | 12 | spec.build.suite \"bookworm updates\" contains a"
            + " space",
        "suite: bookworm/updates | 8 | 12 | contains '/'",
        "packages: [nfs-common, \"nfs-common=1:2.6.2-4\"] | 9 | 28 | spec.build.packages.1"
            + " \"nfs-common=1:2.6.2-4\" pins a version; name the package only",
        "packages: [\"-y\"] | 9 | 16 | spec.build.packages.0 \"-y\" does not start with a letter",
        "packages: [a] | 9 | 16 | spec.build.packages.0 \"a\" is too short",
        "packages: [[nfs-common]] | 9 | 16 | spec.build.packages.0: expected a string, found a"
            + " list",
        "mirror: ftp://ftp.debian.org/debian | 9 | 13 | spec.build.mirror"
            + " \"ftp://ftp.debian.org/debian\" uses ftp://; a mirror is an http://, https:// or"
            + " file:/// URL",
        "mirror: deb.debian.org/debian | 9 | 13 | \"deb.debian.org/debian\" is not a URL",
        "mirror: \"http://-oProxy/debian\" | 9 | 13 | has no valid host",
        "mirror: \"file://srv/mirror\" | 9 | 13 | is not a local mirror; write file:///",
        "mirror: \"http://mirror/debian $(id)\" | 9 | 13 | contains a space",
        "mirror: \"http://mirror/debian`id`\" | 9 | 13 | contains '`'",
        "packageCache: cache | 9 | 19 | spec.build.packageCache \"cache\" must be an absolute path",
        "packageCache: / | 9 | 19 | is the root of the boot server; a package cache must be a"
            + " directory of its own",
        "packageCache: /srv/../etc | 9 | 19 | contains a \"..\" segment",
      })
  void aBadBuildValueIsOneErrorAtItsPosition(
      String line, int errorLine, int column, String message) {
    SpecError error = onlyError(build(line));
    assertThat(error.position()).isEqualTo(at(errorLine, column));
    assertThat(error.message()).startsWith("RootImage \"bookworm\": ").contains(message);
  }

  @Test
  void anOverlayWithoutAReadOnlyRootIsAnErrorAtOverlay() {
    SpecError error = onlyError("  readOnly: false\n  overlay: tmpfs\n");
    assertThat(error.position()).isEqualTo(at(7, 12));
    assertThat(error.message())
        .isEqualTo(
            "RootImage \"bookworm\": spec.overlay tmpfs: a per-node overlay is for a read-only"
                + " root; set readOnly: true or remove overlay");
  }

  @Test
  void aReadOnlyThatIsNotABooleanIsOneErrorThere() {
    SpecError error = onlyError("  readOnly: yes\n  overlay: tmpfs\n");
    assertThat(error.position()).isEqualTo(at(6, 13));
    assertThat(error.message()).contains("spec.readOnly: expected a boolean");
  }

  @Test
  void anUnknownOverlayIsAnErrorAtOverlay() {
    SpecError error = onlyError("  readOnly: true\n  overlay: overlayfs\n");
    assertThat(error.position()).isEqualTo(at(7, 12));
    assertThat(error.message())
        .isEqualTo("RootImage \"bookworm\": spec.overlay \"overlayfs\" is not one of none, tmpfs");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "path: etc/motd | 14 | spec.files.0.path \"etc/motd\" must be an absolute path inside the"
            + " image",
        "path: / | 14 | spec.files.0.path \"/\" is the image's root directory",
        "path: /etc/ | 14 | ends with /",
        "path: /etc//motd | 14 | contains //",
        "path: /etc/../../motd | 14 | contains a \"..\" segment",
        "path: /etc/./motd | 14 | contains a \".\" segment",
        "path: \"/etc/mo\\ttd\" | 14 | contains a tab",
        "path: \"/etc/mo\\0td\" | 14 | contains a NUL character",
        "path: /etc/motd, mode: \"4755\" | 31 | spec.files.0.mode \"4755\" sets the set-uid,"
            + " set-gid or sticky bit",
        "path: /etc/motd, mode: \"1777\" | 31 | sets the set-uid, set-gid or sticky bit",
        "path: /etc/motd, mode: \"0o644\" | 31 | is not a file mode; write three or four octal"
            + " digits",
        "path: /etc/motd, mode: \"688\" | 31 | is not a file mode",
        "path: /etc/motd, mode: \"07777\" | 31 | is not a file mode",
      })
  void aBadFileValueIsOneErrorAtItsPosition(String fields, int column, String message) {
    SpecError error = onlyError("  files:\n    - {" + fields + ", content: x}\n");
    assertThat(error.position()).isEqualTo(at(7, column));
    assertThat(error.message()).startsWith("RootImage \"bookworm\": ").contains(message);
  }

  @Test
  void aFileWithoutContentIsAnErrorAtItsEntry() {
    SpecError error = onlyError("  files:\n    - {path: /etc/motd}\n");
    assertThat(error.position()).isEqualTo(at(7, 7));
    assertThat(error.message())
        .isEqualTo("RootImage \"bookworm\": spec.files.0.content is required but missing");
  }

  @Test
  void theSamePathTwiceIsAnErrorAtTheSecond() {
    SpecError error =
        onlyError(
            "  files:\n"
                + "    - {path: /etc/motd, content: a}\n"
                + "    - {path: /etc/issue, content: b}\n"
                + "    - {path: /etc/motd, content: c}\n");
    assertThat(error.position()).isEqualTo(at(9, 14));
    assertThat(error.message())
        .isEqualTo(
            "RootImage \"bookworm\": spec.files.2.path \"/etc/motd\" is already kept by"
                + " spec.files.0.path (at "
                + at(7, 14)
                + "); give each file once");
  }
}
