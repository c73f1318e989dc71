package io.netroot.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * For any value drawn from printable and control characters, written into one field of an otherwise
 * valid spec: the specs load, with exactly that value bound, only when the value is in the field's
 * grammar (so never with a control character or a line break); otherwise they are rejected with an
 * error positioned at that field.
 */
class SpecValueProperties {

  private static final String BASE = SpecFixtures.resource("base.yaml");
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

  private static final List<Field> FIELDS =
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

  /** Printable ASCII, the characters formats treat specially, and controls and line breaks. */
  private static final String ALPHABET =
      "aZ09/._-+@:=,*?[]()!\"'`$;#\\%&{}<>|~^ \t\n\r\u0000\u0001\u001b\u007f\u0085\u00e9\u2028\u2029\u202e";

  @Provide
  Arbitrary<String[]> cases() {
    Arbitrary<Field> field = Arbitraries.of(FIELDS);
    return field.flatMap(
        f -> {
          Arbitrary<String> wild = Arbitraries.strings().withChars(ALPHABET).ofMaxLength(12);
          Arbitrary<String> mutated =
              Combinators.combine(
                      Arbitraries.of(f.seeds()),
                      Arbitraries.doubles().between(0, 1),
                      Arbitraries.strings().withChars(ALPHABET).ofMinLength(1).ofMaxLength(2))
                  .as(
                      (seed, at, insert) -> {
                        int i = (int) (at * seed.length());
                        return seed.substring(0, i) + insert + seed.substring(i);
                      });
          return Arbitraries.frequencyOf(
                  net.jqwik.api.Tuple.of(2, wild),
                  net.jqwik.api.Tuple.of(3, mutated),
                  net.jqwik.api.Tuple.of(1, Arbitraries.of(f.seeds())))
              .map(value -> new String[] {f.name(), value});
        });
  }

  @Property(tries = 250)
  @StatisticsReport(onFailureOnly = true)
  void aValueLoadsOnlyWhenItsFieldsGrammarAcceptsItElseItIsRejectedAtTheField(
      @ForAll("cases") String[] fieldAndValue) throws IOException {
    Field field = FIELDS.stream().filter(f -> f.name().equals(fieldAndValue[0])).findFirst().get();
    String value = fieldAndValue[1];
    Path dir = Files.createTempDirectory("netroot-value");
    try {
      Path file =
          SpecFixtures.write(dir, "field.yaml", field.template().replace("%s", yaml(value)));
      if (field.withBase()) {
        SpecFixtures.write(dir, "00-base.yaml", BASE);
      }
      SpecSet specs = null;
      List<SpecError> errors = List.of();
      try {
        specs = SpecLoader.load(dir);
      } catch (SpecInvalidException e) {
        errors = e.errors();
      }
      Statistics.collect(specs != null ? "loads" : "rejected");
      if (specs != null) {
        assertThat(field.bound().apply(specs)).isEqualTo(value);
        assertThat(field.grammar().test(value)).as("accepted, so in the grammar").isTrue();
        assertThat(value.codePoints().noneMatch(Grammar::isControl))
            .as("no control character is ever accepted")
            .isTrue();
      } else {
        assertThat(field.grammar().test(value))
            .as("rejected, so outside the grammar: " + errors)
            .isFalse();
        assertThat(errors)
            .as("an error at the field")
            .anySatisfy(
                e ->
                    assertThat(e.position())
                        .isEqualTo(
                            new Position(file.toString(), field.line(), e.position().column())));
        assertThat(errors)
            .allSatisfy(e -> assertThat(e.message()).doesNotContain("\n", "\r", "Exception"));
      }
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    // both sides of every grammar are reached, or the property proves nothing
    Statistics.coverage(
        checker -> {
          checker.check("loads").percentage(p -> p > 10);
          checker.check("rejected").percentage(p -> p > 10);
        });
  }

  /** A YAML double-quoted scalar holding exactly {@code value}, every other character escaped. */
  static String yaml(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out.append('"').toString();
  }
}
