package io.netroot.render;

import io.netroot.spec.BootServer;
import io.netroot.spec.Export;
import io.netroot.spec.Firmware;
import io.netroot.spec.Host;
import io.netroot.spec.Kernel;
import io.netroot.spec.Loader;
import io.netroot.spec.MacAddress;
import io.netroot.spec.Network;
import io.netroot.spec.Origin;
import io.netroot.spec.Position;
import io.netroot.spec.Profile;
import io.netroot.spec.RootImage;
import io.netroot.spec.RootMethod;
import io.netroot.spec.SecureBoot;
import io.netroot.spec.SpecSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Spec documents built in code around values a hostile spec author chose, bypassing the spec
 * layer's checks, so that the renderers alone are tested; and the generators of such values.
 */
final class HostileSpecs {

  /**
   * Printable ASCII with what each format reads as syntax, plus line breaks and other control
   * characters (NUL, TAB, VT, FF, ESC, DEL, NEL), NBSP, the Unicode line and paragraph separators
   * and a letter outside ASCII.
   */
  static final String ALPHABET =
      " !\"#$%&'()*+,-./0123456789:;<=>?@ABCXYZ[\\]^_`abcxyz{|}~"
          + "\n\r\t\0\u000b\u000c\u001b\u007f\u0085\u00a0\u2028\u2029é";

  private HostileSpecs() {}

  /** Mostly plain words, often hostile text, so that both outcomes are exercised. */
  static Arbitrary<String> values() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, plain()),
        net.jqwik.api.Tuple.of(2, hostile(ALPHABET)),
        net.jqwik.api.Tuple.of(1, attacks()));
  }

  /** As {@link #values}, for a file name: no {@code /} and no NUL, which a path cannot hold. */
  static Arbitrary<String> fileNames() {
    String alphabet = ALPHABET.replace("/", "").replace("\0", "");
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, plain()), net.jqwik.api.Tuple.of(2, hostile(alphabet)));
  }

  static Arbitrary<String> plain() {
    return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
  }

  static Arbitrary<String> hostile(String alphabet) {
    return Arbitraries.strings().withChars(alphabet.toCharArray()).ofMaxLength(14);
  }

  /** Values written to add a directive, a host, a label or an export in one format or another. */
  static Arbitrary<String> attacks() {
    return Arbitraries.of(
        "x\nLABEL evil\n  KERNEL /evil",
        "x\rLABEL evil",
        "x\u2028LABEL evil",
        "a b",
        " leading",
        "fsid=0)\n/ *(rw,no_root_squash",
        "rw) / *(rw",
        "-no_root_squash",
        "*; } } EXPORT { Export_Id = 99; Path = /; Pseudo = /; Access_Type = RW; }",
        "\"; Path = \"/",
        "x\"; } host evil { hardware ethernet 00:00:00:00:00:01; } #",
        "/srv/tftp\"\nTFTP_OPTIONS=\"--create --permissive",
        "$(reboot)",
        "`reboot`",
        "%h",
        "/srv/a,b:c",
        "a\"b c\"");
  }

  static SpecSet specs(
      BootServer server,
      Network network,
      Kernel kernel,
      RootImage image,
      Export export,
      Profile profile,
      Host host) {
    return new SpecSet(
        server,
        List.of(network),
        List.of(kernel),
        List.of(image),
        List.of(export),
        List.of(profile),
        List.of(host));
  }

  static BootServer server(String title, String defaultEntry, String tftpRoot) {
    BootServer seed = RenderFixtures.server("bootsrv", "10.0.0.1", 50, "local");
    return new BootServer(
        seed.name(),
        seed.address(),
        null,
        tftpRoot,
        seed.dhcp(),
        seed.nfs(),
        seed.tftp(),
        seed.bootloader(),
        new BootServer.Pxe(50, defaultEntry, title),
        RenderFixtures.origin("server.yaml"));
  }

  static Kernel kernel(String name, String image, String initrd, RootMethod method) {
    return new Kernel(
        name,
        Path.of("/srv/kernels").resolve(image),
        initrd == null ? null : Path.of("/srv/kernels").resolve(initrd),
        null,
        null,
        method,
        RenderFixtures.origin("kernels.yaml"));
  }

  static Profile profile(
      String name,
      String kernel,
      String image,
      List<String> nfsOptions,
      List<String> kernelArgs,
      String menuLabel) {
    return new Profile(
        name,
        kernel,
        image,
        nfsOptions,
        kernelArgs,
        menuLabel,
        Firmware.AUTO,
        Loader.SYSLINUX,
        SecureBoot.OPTIONAL,
        RenderFixtures.origin("p.yaml"));
  }

  static Host host(String name, String profile) {
    return new Host(
        name,
        MacAddress.parse("52:54:00:12:34:56"),
        RenderFixtures.ip("10.0.0.50"),
        profile,
        RenderFixtures.origin("hosts.yaml"));
  }

  static Export export(String path, Export.Client... clients) {
    return new Export("e", path, List.of(clients), false, RenderFixtures.origin("exports.yaml"));
  }

  /** An origin that knows where one field was written, to check the position in messages. */
  static Origin originWith(String file, String field, int line, int column) {
    return new Origin(
        Path.of(file), new Position(file, 1, 1), Map.of(field, new Position(file, line, column)));
  }
}
