package io.netroot.adopt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netroot.spec.Host;
import io.netroot.spec.Ipv4;
import io.netroot.spec.Ipv4Cidr;
import io.netroot.spec.MacAddress;
import io.netroot.spec.Network;
import io.netroot.spec.Origin;
import io.netroot.spec.Position;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DhcpdAdoptionTest {

  static final Network LAB =
      new Network(
          "lab",
          Ipv4Cidr.parse("10.0.0.0/24"),
          List.of(Ipv4.parse("10.0.0.138")),
          List.of(),
          null,
          null,
          origin("specs/networks.yaml", "spec.subnet", 6, 11));
  static final Host DEVBOARD =
      new Host(
          "devboard",
          MacAddress.parse("08:00:2b:4c:59:23"),
          Ipv4.parse("10.0.0.222"),
          "p",
          origin("specs/hosts.yaml", "spec.ip", 7, 7));

  static Origin origin(String file, String field, int line, int column) {
    return new Origin(
        Path.of(file), new Position(file, 1, 1), Map.of(field, new Position(file, line, column)));
  }

  static final DhcpdAdoption ADOPTER = new DhcpdAdoption(List.of(LAB), List.of(DEVBOARD));

  static Optional<Adoption> adopt(String text) {
    int block = text.indexOf("# BEGIN netroot");
    LineRange range =
        block < 0 ? null : new LineRange(block, text.indexOf("# END netroot\n") + 14, 0, 0);
    return ADOPTER.adopt(text, range, "/etc/dhcp/dhcpd.conf");
  }

  @Test
  void theSeedsHandMadeSubnetAndItsHostWithTheSpecsMacAreAdopted() {
    String text =
        """
        ddns-update-style none;
        subnet 10.0.0.0 netmask 255.255.255.0 {
          range dynamic-bootp 10.0.0.100 10.0.0.199;
          option routers 10.0.0.138;
        }
        host mylaptop {
             hardware ethernet 08:00:2B:4C:59:23;
             fixed-address 192.168.1.222;
           }
        subnet 192.168.9.0 netmask 255.255.255.0 {
        }
        """;
    Adoption adoption = adopt(text).orElseThrow();
    assertThat(adoption.describe())
        .isEqualTo(
            "adopts subnet 10.0.0.0/24 (lines 2-5), host mylaptop (lines 6-9) into netroot's block");
    assertThat(adoption.removeFrom(text))
        .isEqualTo("ddns-update-style none;\nsubnet 192.168.9.0 netmask 255.255.255.0 {\n}\n");
  }

  @Test
  void aHostIsAdoptedByNameFromAnotherSubnetAndTheBlockIsNeverRead() {
    String text =
        """
        subnet 192.168.9.0 netmask 255.255.255.0 {
          host DevBoard { hardware ethernet 00:11:22:33:44:55; }
          host other { hardware ethernet 00:11:22:33:44:66; }
        }
        # BEGIN netroot
        subnet 10.0.0.0 netmask 255.255.255.0 {
          host devboard { hardware ethernet 08:00:2b:4c:59:23; fixed-address 10.0.0.222; }
        }
        # END netroot
        """;
    Adoption adoption = adopt(text).orElseThrow();
    assertThat(adoption.moved()).extracting(Adoption.Moved::what).containsExactly("host DevBoard");
    assertThat(adoption.removeFrom(text)).doesNotContain("DevBoard").contains("host other");
  }

  @Test
  void nothingToAdoptIsEmpty() {
    assertThat(adopt("ddns-update-style none;\nhost x { hardware ethernet 00:11:22:33:44:55; }\n"))
        .isEmpty();
  }

  @Test
  void anotherHostWithTheSpecsAddressIsAClashNamingBothPlaces() {
    assertThatThrownBy(
            () ->
                adopt(
                    "host laptop2 {\n  hardware ethernet 00:11:22:33:44:55;\n"
                        + "  fixed-address 10.0.0.222;\n}\n"))
        .isInstanceOf(AdoptionClashException.class)
        .hasMessage(
            "/etc/dhcp/dhcpd.conf:3: host laptop2 has fixed-address 10.0.0.222, the address of"
                + " Host \"devboard\" at specs/hosts.yaml:7:7, with another name and MAC address;"
                + " give one of them another address");
  }

  @Test
  void anOverlappingSubnetIsAClash() {
    assertThatThrownBy(() -> adopt("\nsubnet 10.0.0.0 netmask 255.255.0.0 {\n}\n"))
        .isInstanceOf(AdoptionClashException.class)
        .hasMessage(
            "/etc/dhcp/dhcpd.conf:2: subnet 10.0.0.0/16 overlaps 10.0.0.0/24 of a Network spec;"
                + " the Network \"lab\" is at specs/networks.yaml:6:11");
  }

  @Test
  void theSpecsSubnetHoldingAHostNoSpecDeclaresIsAClashNotALoss() {
    assertThatThrownBy(
            () ->
                adopt(
                    "subnet 10.0.0.0 netmask 255.255.255.0 {\n"
                        + "  host printer { hardware ethernet 00:11:22:33:44:55; }\n}\n"))
        .isInstanceOf(AdoptionClashException.class)
        .hasMessageContaining("subnet 10.0.0.0/24 holds host printer (line 2), which no Host spec")
        .hasMessageContaining("specs/networks.yaml:6:11");
  }

  @Test
  void theSpecsSubnetWithAnIncludeIsAClashNotALoss() {
    assertThatThrownBy(
            () ->
                adopt(
                    "subnet 10.0.0.0 netmask 255.255.255.0 {\n"
                        + "  include \"/etc/dhcp/lab-hosts.conf\";\n}\n"))
        .isInstanceOf(AdoptionClashException.class)
        .hasMessageContaining(
            "subnet 10.0.0.0/24 includes /etc/dhcp/lab-hosts.conf (line 2), whose declarations");
  }

  @Test
  void theSpecsSubnetInASharedNetworkIsAClash() {
    assertThatThrownBy(
            () ->
                adopt(
                    "shared-network wire {\n  subnet 10.0.0.0 netmask 255.255.255.0 { }\n"
                        + "  subnet 10.1.0.0 netmask 255.255.255.0 { }\n}\n"))
        .isInstanceOf(AdoptionClashException.class)
        .hasMessageStartingWith(
            "/etc/dhcp/dhcpd.conf:2: subnet 10.0.0.0/24 is inside shared-network wire (line 1)");
  }

  @Test
  void severalClashesAreAllNamed() {
    assertThatThrownBy(
            () ->
                adopt(
                    "subnet 10.0.0.0 netmask 255.0.0.0 { }\n"
                        + "host h { fixed-address 10.0.0.222; }\n"))
        .isInstanceOf(AdoptionClashException.class)
        .hasMessageStartingWith("2 declarations clash with the specs:\n  /etc/dhcp/dhcpd.conf:1:")
        .hasMessageContaining("\n  /etc/dhcp/dhcpd.conf:2: host h");
  }

  @Test
  void aFileThatCannotBeReadIsRefusedWithItsLine() {
    assertThatThrownBy(() -> adopt("option a 1;\nhost x {\n"))
        .isInstanceOf(AdoptionClashException.class)
        .hasMessageStartingWith("/etc/dhcp/dhcpd.conf:")
        .hasMessageContaining("cannot read the file outside netroot's block");
  }
}
