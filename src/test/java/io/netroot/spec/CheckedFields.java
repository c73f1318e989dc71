package io.netroot.spec;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The spec fields whose values reach a rendered file, a path or a command, each with a spec file to
 * put a value in, how to read the value back once loaded, and its grammar.
 */
final class CheckedFields {

  private CheckedFields() {}

  private static final String SERVER =
      "apiVersion: netroot/v1\nkind: BootServer\nmetadata: {name: solo}\nspec:\n";

  /**
   * One field under test.
   *
   * @param template the spec file, with {@code %s} where the value goes (on a line of its own)
   * @param withBase whether {@code base.yaml} is loaded beside it
   * @param bound the value as bound, read back from the loaded specs
   * @param grammar whether the field's grammar accepts a value
   * @param seeds values in the grammar, mutated to reach both sides of it
   */
  record Field(
      String name,
      String template,
      boolean withBase,
      Function<SpecSet, String> bound,
      Predicate<String> grammar,
      List<String> seeds) {

    int line() {
      return (int)
              template.substring(0, template.indexOf("%s")).chars().filter(c -> c == '\n').count()
          + 1;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Field> FIELDS =
      List.of(
          new Field(
              "RootImage.path",
              "apiVersion: netroot/v1\nkind: RootImage\nmetadata: {name: img2}\nspec:\n"
                  + "  path: %s\n",
              true,
              s -> named(s.rootImages(), "img2").path(),
              accepts(ServerPath.ROOT_IMAGE),
              List.of("/srv/nfsroot/img2", "/data/root-2")),
          new Field(
              "Export.path",
              exportWith("%s", "10.0.0.0/24", "ro"),
              true,
              s -> named(s.exports(), "other").path(),
              accepts(ServerPath.ownDirectory("an export")),
              List.of("/srv/other", "/srv/a,b")),
          new Field(
              "Export.clients.match",
              exportWith("/srv/other", "%s", "ro"),
              true,
              s -> named(s.exports(), "other").clients().get(0).match(),
              accepts(ExportClient.GRAMMAR),
              List.of("10.0.0.0/24", "node1.lab", "fd00::/64", "@lab", "node[0-9]")),
          new Field(
              "Export.clients.options",
              exportWith("/srv/other", "10.0.0.0/24", "%s"),
              true,
              s -> named(s.exports(), "other").clients().get(0).options().get(0),
              v ->
                  v.matches("[a-z_]+(=[A-Za-z0-9_.:/@+-]+)?")
                      && (ExportOptions.FLAGS.contains(v)
                          || ExportOptions.VALUED.contains(v.split("=")[0]))
                      && (!v.startsWith("anon") || v.matches("anon[ug]id=-?[0-9]{1,10}"))
                      && (v.contains("=")
                          || !ExportOptions.VALUED.contains(v)
                          || v.startsWith("m")),
              List.of("fsid=0", "no_root_squash", "anonuid=65534", "sec=sys:krb5")),
          new Field(
              "Profile.menuLabel",
              profileWith("menuLabel: %s"),
              true,
              s -> named(s.profiles(), "p2").menuLabel(),
              accepts(MenuText.GRAMMAR),
              List.of("Debian bookworm, root over NFS", "Testing (panic=10)")),
          new Field(
              "Profile.kernelArgs",
              profileWith("kernelArgs:\n    - %s"),
              true,
              s -> named(s.profiles(), "p2").kernelArgs().get(0),
              v ->
                  !v.isEmpty()
                      && !Text.hasWhitespace(v)
                      && BootArguments.kernelArgProblem(v) == null,
              List.of("console=ttyS0,115200", "panic=10")),
          new Field(
              "Profile.nfsOptions",
              profileWith("nfsOptions:\n    - %s"),
              true,
              s -> named(s.profiles(), "p2").nfsOptions().get(0),
              v -> !v.contains(",") && BootArguments.nfsOptionProblem(v) == null,
              List.of("tcp", "vers=3", "rsize=32768")),
          new Field(
              "Network.domainName",
              "apiVersion: netroot/v1\nkind: Network\nmetadata: {name: lab2}\nspec:\n"
                  + "  subnet: 10.1.0.0/24\n  domainName: %s\n",
              true,
              s -> named(s.networks(), "lab2").domainName(),
              accepts(DnsName.DOMAIN),
              List.of("lab.example", "rack-7.cluster")),
          new Field(
              "RootImage.disableServices",
              "apiVersion: netroot/v1\nkind: RootImage\nmetadata: {name: img2}\nspec:\n"
                  + "  path: /srv/img2\n  disableServices:\n    - %s\n",
              true,
              s -> named(s.rootImages(), "img2").disableServices().get(0),
              accepts(ServiceName.GRAMMAR),
              List.of("cups", "getty@tty1.service")),
          new Field(
              "RootImage.build.suite",
              buildWith("    suite: %s\n"),
              true,
              s -> named(s.rootImages(), "img2").build().suite(),
              accepts(DebianArchive.SUITE_NAME),
              List.of("bookworm", "bookworm-backports", "noble")),
          new Field(
              "RootImage.build.packages",
              buildWith("    suite: bookworm\n    packages:\n      - %s\n"),
              true,
              s -> named(s.rootImages(), "img2").build().packages().get(0),
              accepts(DebianArchive.PACKAGE_NAME),
              List.of("nfs-common", "libstdc++6", "linux-image-amd64")),
          new Field(
              "RootImage.build.mirror",
              buildWith("    suite: bookworm\n    mirror: %s\n"),
              true,
              s -> named(s.rootImages(), "img2").build().mirror(),
              accepts(DebianArchive.MIRROR),
              List.of("http://deb.debian.org/debian", "file:///srv/mirror/debian")),
          new Field(
              "RootImage.files.path",
              "apiVersion: netroot/v1\nkind: RootImage\nmetadata: {name: img2}\nspec:\n"
                  + "  path: /srv/img2\n  files:\n    - content: x\n      path: %s\n",
              true,
              s -> named(s.rootImages(), "img2").files().get(0).path(),
              accepts(ImageFileValues.PATH),
              List.of("/etc/motd", "/etc/systemd/system/getty@tty1.service.d/override.conf")),
          server(
              "BootServer.tftpRoot",
              "  tftpRoot: %s\n",
              s -> s.server().tftpRoot(),
              accepts(ServerPath.ownDirectory("the TFTP root")),
              "/srv/tftp",
              "/var/lib/tftpboot"),
          server(
              "BootServer.dhcp.config",
              "  dhcp:\n    config: %s\n",
              s -> s.server().dhcp().config(),
              accepts(ServerPath.ANY),
              "/etc/dhcp/dhcpd.conf"),
          server(
              "BootServer.tftp.service",
              "  tftp:\n    service: %s\n",
              s -> s.server().tftp().service(),
              accepts(ServiceName.GRAMMAR),
              "tftpd-hpa"),
          server(
              "BootServer.bootloader.modules",
              "  bootloader:\n    modules:\n      - %s\n",
              s -> s.server().bootloader().modules().get(0),
              accepts(FileName.GRAMMAR),
              "menu.c32"),
          server(
              "BootServer.pxe.title",
              "  pxe:\n    title: %s\n",
              s -> s.server().pxe().title(),
              accepts(MenuText.GRAMMAR),
              "Lab boards"),
          server(
              "BootServer.agent.git.url",
              "  agent:\n    git:\n      url: %s\n",
              s -> s.server().agent().git().url(),
              accepts(GitSource.URL),
              "https://git.example.org/specs.git",
              "git@example.org:specs.git"));

  private static Field server(
      String name,
      String lines,
      Function<SpecSet, String> bound,
      Predicate<String> grammar,
      String... seeds) {
    return new Field(
        name, SERVER + "  address: 10.0.0.1\n" + lines, false, bound, grammar, List.of(seeds));
  }

  /** A RootImage {@code img2} built from Debian packages, with {@code lines} under build. */
  private static String buildWith(String lines) {
    return "apiVersion: netroot/v1\nkind: RootImage\nmetadata: {name: img2}\nspec:\n"
        + "  path: /srv/img2\n  build:\n    distribution: debian\n"
        + lines;
  }

  private static String exportWith(String path, String match, String option) {
    return "apiVersion: netroot/v1\nkind: Export\nmetadata: {name: other}\nspec:\n"
        + "  path: "
        + (path.equals("%s") ? "%s" : path)
        + "\n  clients:\n    - match: "
        + (match.equals("%s") ? "%s" : "\"" + match + "\"")
        + "\n      options:\n        - "
        + option
        + "\n";
  }

  private static String profileWith(String line) {
    return "apiVersion: netroot/v1\nkind: Profile\nmetadata: {name: p2}\nspec:\n"
        + "  kernel: k1\n  rootImage: img\n  "
        + line
        + "\n";
  }

  private static Predicate<String> accepts(Grammar grammar) {
    return value -> grammar.problem(value) == null;
  }

  private static <T extends SpecDocument> T named(List<T> documents, String name) {
    return documents.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
  }
}
