package io.netroot.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.os.RootFs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where each DHCP server is told to answer, read from its own configuration for {@code agent
 * check}: ISC's {@code INTERFACESv4}, Kea's {@code interfaces-config}, dnsmasq's {@code interface=}
 * and {@code listen-address=}.
 */
class DhcpListeningTest {

  @TempDir Path dir;

  @Test
  void interfacesV4IsReadAsDebianWritesIt() {
    assertThat(IscDhcpBackend.listening("INTERFACESv4=\"\"\nINTERFACESv6=\"\"\n").everywhere())
        .isTrue();
    DhcpListening two =
        IscDhcpBackend.listening("# INTERFACESv4=\"eth9\"\nINTERFACESv4=\"eth0 eth1\"\n");
    assertThat(two.interfaces()).containsExactly("eth0", "eth1");
    assertThat(two.answersOn("eth1", "10.0.0.1")).isTrue();
    assertThat(two.answersOn("eth9", "10.0.0.1")).isFalse();
    assertThat(two.whyNot("eth9")).isEqualTo("eth9 is not in INTERFACESv4 (eth0 eth1)");
    assertThat(two.fixFor("eth9"))
        .isEqualTo("add eth9 to INTERFACESv4 in /etc/default/isc-dhcp-server");
    assertThat(IscDhcpBackend.listening("INTERFACESv4=eth2\n").interfaces())
        .containsExactly("eth2");
  }

  @Test
  void keaAnswersOnTheInterfacesNamedEveryOneForAStarAndNoneForAnEmptyList() {
    String named =
        """
        // the admin's
        {
        "Dhcp4": {
            # netroot's block would be here
            "interfaces-config": { "interfaces": [ "eth0", "eth1/10.0.1.1" ] },
            /* leases */
            "lease-database": { "type": "memfile" }
        }
        }
        """;
    DhcpListening kea =
        KeaDhcpBackend.listening(named, "/etc/kea/kea-dhcp4.conf", "kea-dhcp4-server")
            .orElseThrow();
    assertThat(kea.answersOn("eth0", "10.0.0.1")).isTrue();
    assertThat(kea.answersOn("eth1", "10.0.1.1")).isTrue();
    assertThat(kea.answersOn("eth2", "10.0.2.1")).isFalse();
    assertThat(kea.whyNot("eth2")).isEqualTo("eth2 is not in Kea's interfaces-config (eth0 eth1)");
    assertThat(kea.fixFor("eth2"))
        .startsWith(
            "add \"eth2\" to \"interfaces\" of \"interfaces-config\" in /etc/kea/kea-dhcp4.conf")
        .contains("kea-dhcp4-server");

    assertThat(
            KeaDhcpBackend.listening(
                    "{\"Dhcp4\": {\"interfaces-config\": {\"interfaces\": [\"*\"]}}}", "f", "s")
                .orElseThrow()
                .answersOn("eth7", "10.0.0.1"))
        .isTrue();
    // netroot's own new file names none: Kea answers nowhere until the admin names some
    DhcpListening none =
        KeaDhcpBackend.listening(
                "{\"Dhcp4\": {\"interfaces-config\": { \"interfaces\": [ ] }}}", "f", "s")
            .orElseThrow();
    assertThat(none.answersOn("eth0", "10.0.0.1")).isFalse();
    assertThat(none.whyNot("eth0")).isEqualTo("eth0 is not in Kea's interfaces-config (none)");
    assertThat(KeaDhcpBackend.listening("{\"Dhcp4\": {}}", "f", "s").orElseThrow().everywhere())
        .isFalse();
    // what netroot cannot read says nothing
    assertThat(KeaDhcpBackend.listening("{\"Dhcp4\": {<?include \"x\"?>}}", "f", "s")).isEmpty();
    assertThat(KeaDhcpBackend.listening("{\"Dhcp6\": {}}", "f", "s")).isEmpty();
  }

  @Test
  void dnsmasqAnswersEverywhereButTheExcludedUnlessInterfacesOrAddressesAreNamed() {
    DhcpListening all = DnsmasqDhcpBackend.listening(List.of("port=0\nexcept-interface=lo\n"));
    assertThat(all.answersOn("eth0", "10.0.0.1")).isTrue();
    assertThat(all.answersOn("lo", "127.0.0.1")).isFalse();

    DhcpListening named =
        DnsmasqDhcpBackend.listening(
            List.of(
                "# interface=eth5\ninterface=eth0, enp*\n",
                "listen-address=10.0.9.1\nno-dhcp-interface=enp3s0\n"));
    assertThat(named.answersOn("eth0", "10.0.0.1")).isTrue();
    assertThat(named.answersOn("enp2s0", "10.0.2.1")).isTrue();
    assertThat(named.answersOn("enp3s0", "10.0.3.1")).isFalse();
    assertThat(named.answersOn("br0", "10.0.9.1")).isTrue();
    assertThat(named.answersOn("eth5", "10.0.5.1")).isFalse();
    assertThat(named.whyNot("eth5"))
        .isEqualTo("eth5 is not in dnsmasq's interface= and listen-address= (eth0 enp* 10.0.9.1)");
    assertThat(named.whyNot("enp3s0")).startsWith("enp3s0 is excluded in /etc/dnsmasq.conf");
    assertThat(named.fixFor("eth5")).startsWith("add interface=eth5 to /etc/dnsmasq.conf");
  }

  @Test
  void dnsmasqReadsItsConfigurationFileAndTheDropInsItReadsUnderTheRoot() throws Exception {
    RootFs root = new RootFs(dir);
    Path etc = Files.createDirectories(dir.resolve("etc/dnsmasq.d"));
    Files.writeString(dir.resolve("etc/dnsmasq.conf"), "interface=eth0\n");
    Files.writeString(etc.resolve("site.conf"), "interface=eth1\n");
    Files.writeString(etc.resolve("old.conf.dpkg-old"), "interface=eth2\n");
    Files.writeString(etc.resolve(".hidden"), "interface=eth3\n");
    Files.createSymbolicLink(etc.resolve("linked.conf"), Path.of("/etc/hostname"));
    ServerLayout layout = null;
    DhcpListening listening = new DnsmasqDhcpBackend().listening(root, layout).orElseThrow();
    assertThat(listening.interfaces()).containsExactly("eth0", "eth1");

    assertThat(new DnsmasqDhcpBackend().listening(new RootFs(dir.resolve("none")), layout))
        .isEmpty();
  }
}
