package io.netroot.adopt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netroot.adopt.DhcpdConf.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class DhcpdConfTest {

  static final String SEED =
      """
      ddns-update-style none;
      # the lab
      subnet 10.0.0.0 netmask 255.255.255.0 {
        range dynamic-bootp 10.0.0.100 10.0.0.199;
        option routers 10.0.0.138;
        option domain-name-servers 10.0.0.138, 10.0.0.139;
        filename "pxelinux.0"; # comment after
      }

      host mylaptop {
           hardware ethernet 08:00:2B:4C:59:23;
           fixed-address 192.168.1.222;
      };
      """;

  @Test
  void readsStatementsWithTheirWordsBlocksAndLines() {
    DhcpdConf conf = DhcpdConf.parse(SEED);
    List<Statement> top = conf.statements();
    assertThat(top)
        .extracting(Statement::keyword)
        .containsExactly("ddns-update-style", "subnet", "host");
    Statement subnet = top.get(1);
    assertThat(subnet.block()).isTrue();
    assertThat(subnet.head()).isEqualTo("subnet 10.0.0.0 netmask 255.255.255.0");
    assertThat(subnet.line()).isEqualTo(3);
    assertThat(subnet.lastLine()).isEqualTo(8);
    assertThat(subnet.first("filename").orElseThrow().words().get(1))
        .isEqualTo(new DhcpdConf.Word("pxelinux.0", true, 7));
    assertThat(subnet.all("option").get(1).head())
        .isEqualTo("option domain-name-servers 10.0.0.138, 10.0.0.139");
    Statement host = top.get(2);
    assertThat(host.word(1)).contains("mylaptop");
    assertThat(host.first("hardware").orElseThrow().word(2)).contains("08:00:2B:4C:59:23");
    // the stray ";" after "}" belongs to the block
    assertThat(SEED.substring(host.start(), host.end())).endsWith("};");
  }

  @Test
  void theLinesOfAStatementIncludeTheCommentAboveItAndItsNewline() {
    DhcpdConf conf = DhcpdConf.parse(SEED);
    LineRange subnet = conf.linesOf(conf.statements().get(1));
    assertThat(subnet.firstLine()).isEqualTo(2);
    assertThat(subnet.lastLine()).isEqualTo(8);
    assertThat(SEED.substring(subnet.start(), subnet.end()))
        .startsWith("# the lab\nsubnet")
        .endsWith("}\n");
    LineRange host = conf.linesOf(conf.statements().get(2));
    assertThat(host.lines()).isEqualTo("lines 10-13");
    assertThat(SEED.substring(host.start(), host.end())).startsWith("host").endsWith("};\n");
  }

  @Test
  void aStatementSharingItsLineIsJustItself() {
    String text = "option a 1; host x { fixed-address 10.0.0.1; }\n";
    DhcpdConf conf = DhcpdConf.parse(text);
    LineRange host = conf.linesOf(conf.statements().get(1));
    assertThat(text.substring(host.start(), host.end()))
        .isEqualTo("host x { fixed-address 10.0.0.1; }");
  }

  @Test
  void stringsKeepHashesBracesAndEscapedQuotes() {
    DhcpdConf conf = DhcpdConf.parse("option x \"a # {b}; \\\"c\\\"\";\n");
    assertThat(conf.statements().get(0).words().get(2).text()).isEqualTo("a # {b}; \"c\"");
  }

  @Test
  void brokenTextIsASyntaxErrorWithItsLine() {
    assertThatThrownBy(() -> DhcpdConf.parse("subnet 1 netmask 2 {\n  option a 1;\n"))
        .isInstanceOf(DhcpdConf.SyntaxException.class)
        .hasMessageContaining("not closed");
    assertThatThrownBy(() -> DhcpdConf.parse("option a 1;\n}\n"))
        .isInstanceOf(DhcpdConf.SyntaxException.class)
        .hasMessage("line 2: \"}\" without a block to close");
    assertThatThrownBy(() -> DhcpdConf.parse("option a\n\"open\n"))
        .isInstanceOf(DhcpdConf.SyntaxException.class)
        .hasMessageStartingWith("line 2: a string is not closed");
    assertThatThrownBy(() -> DhcpdConf.parse("host a {\n fixed-address 10.0.0.1\n}\n"))
        .hasMessage("line 2: statement without \";\": fixed-address 10.0.0.1");
  }
}
