package io.netroot.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Export client matches and options: accept and reject tables, and what grants root. */
class ExportGrammarsTest {

  @ParameterizedTest
  @CsvSource({
    "*, EVERYONE",
    "10.0.0.5, IPV4",
    "10.0.0.0/24, IPV4",
    "10.0.0.0/255.255.255.0, IPV4",
    "fd00::5, IPV6",
    "fd00::/64, IPV6",
    "::/0, IPV6",
    "::, IPV6",
    "::ffff:10.0.0.1, IPV6",
    "2001:db8:0:0:0:0:0:1/128, IPV6",
    "node1, HOST",
    "node1.lab.example, HOST",
    "*.lab.example, WILDCARD",
    "node?, WILDCARD",
    "node[0-9], WILDCARD",
    "node[!a-c]x.lab, WILDCARD",
    "@lab, NETGROUP",
    "@lab_nodes.v2, NETGROUP"
  })
  void eachAllowedFormOfClientIsRecognised(String match, ExportClient.Kind kind) {
    assertThat(ExportClient.GRAMMAR.problem(match)).isNull();
    assertThat(ExportClient.parse(match).kind()).isEqualTo(kind);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "10.0.0.0/24(rw)",
        "10.0.0.0/24 *",
        "node1\n/ *",
        "node1,node2",
        "10.0.0.0/24; } EXPORT { Path = /",
        "\"*\"",
        "10.0.0.0/33",
        "10.0.0.1/24",
        "10.0.0",
        "[::]/0",
        "fd00::/129",
        "fd00:::1",
        "1:2:3:4:5:6:7:8:9",
        "fe80::1%eth0",
        "@",
        "@lab group",
        "node[9-0]",
        "node[0-9",
        "-node",
        "gss/krb5",
        "nodé"
      })
  void anythingElseIsRefused(String match) {
    assertThat(ExportClient.GRAMMAR.problem(match)).startsWith("is not a valid client");
  }

  @Test
  void ipv6PrefixesAreParsedToTheirBits() {
    Ipv6Prefix any = Ipv6Prefix.parse("::/0");
    assertThat(any.prefix()).isZero();
    assertThat(any.unspecified()).isTrue();
    Ipv6Prefix one = Ipv6Prefix.parse("2001:db8::ff00:42:8329");
    assertThat(one.prefix()).isEqualTo(128);
    assertThat(one.high()).isEqualTo(0x20010db800000000L);
    assertThat(one.low()).isEqualTo(0x0000ff0000428329L);
    assertThat(Ipv6Prefix.parse("::ffff:10.0.0.1").low()).isEqualTo(0x0000ffff0a000001L);
    assertThatThrownBy(() -> Ipv6Prefix.parse("1.2.3.4::")).hasMessageContaining("not an IPv6");
  }

  @Test
  void wildcardsMatchHostNamesAsFnmatchDoes() {
    assertThat("node7").matches(ExportClient.globRegex("node[0-9]"));
    assertThat("nodex").doesNotMatch(ExportClient.globRegex("node[0-9]"));
    assertThat("nodex").matches(ExportClient.globRegex("node[!0-9]"));
    assertThat("a.lab").matches(ExportClient.globRegex("*.lab"));
    assertThat("axlab").doesNotMatch(ExportClient.globRegex("*.lab"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "rw",
        "no_root_squash",
        "fsid=0",
        "fsid=root",
        "fsid=8c0a3e2b-5f1c-4e2a-9a62-0d2c6b2b9e11",
        "anonuid=65534",
        "anongid=-2",
        "sec=sys:krb5",
        "refer=/srv/a@nfs1+nfs2",
        "mp",
        "mountpoint=/srv/root"
      })
  void exportsOptionsAreAccepted(String option) {
    assertThat(options(option)).containsExactly(option);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "fsid=0)\n/ *(rw,no_root_squash",
        "fsid=0)",
        "fsid=(0",
        "fsid=0,rw",
        "fsid=a b",
        "fsid=\"0\"",
        "sec=sys;x",
        "anonuid=0x0",
        "anonuid=root",
        "anonuid=",
        "rw\n",
        "no_root_squash "
      })
  void exportsOptionsWithForeignCharactersOrBadValuesAreRefused(String option) {
    assertThat(options(option)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"no_root_squash", "anonuid=0", "anongid=0", "anonuid=00", "anonuid=-0"})
  void optionsMappingClientsToUidOrGidZeroGrantRoot(String option) {
    assertThat(ExportOptions.grantsRoot(List.of("rw", option))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"root_squash", "all_squash", "anonuid=65534", "anongid=100", "fsid=0"})
  void otherOptionsDoNotGrantRoot(String option) {
    assertThat(ExportOptions.grantsRoot(List.of("rw", option))).isFalse();
  }

  private static List<String> options(String option) {
    DocumentContext ctx = new DocumentContext(java.nio.file.Path.of("t.yaml"), new ArrayList<>());
    return ExportOptions.check(ctx, List.of(TextGrammarsTest.scalar(option)));
  }
}
