package io.netroot.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.spec.Ipv4;
import io.netroot.spec.Ipv4Cidr;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckPartsTest {

  @Test
  void interfacesAreReadFromIpOneLinePerAddress() {
    String out =
        """
        1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever
        2: eth0    inet 10.0.0.1/24 brd 10.0.0.255 scope global eth0\\       valid_lft forever
        5: veth1@if4    inet 10.77.0.1/24 scope global veth1
        """;
    List<Interfaces.Address> addresses = Interfaces.parse(out);
    assertThat(addresses)
        .containsExactly(
            new Interfaces.Address("lo", Ipv4.parse("127.0.0.1")),
            new Interfaces.Address("eth0", Ipv4.parse("10.0.0.1")),
            new Interfaces.Address("veth1", Ipv4.parse("10.77.0.1")));
    assertThat(Interfaces.in(addresses, Ipv4Cidr.parse("10.77.0.0/24")).orElseThrow().name())
        .isEqualTo("veth1");
    assertThat(Interfaces.in(addresses, Ipv4Cidr.parse("192.168.0.0/16"))).isEmpty();
  }

  @Test
  void theTftpUserAndItsGroupsComeFromPasswdAndGroup() {
    String passwd =
        "root:x:0:0:root:/root:/bin/bash\ntftp:x:107:112:tftp daemon:/srv/tftp:/usr/sbin/nologin\n";
    assertThat(TftpReadable.ids(passwd, "tftp"))
        .hasValueSatisfying(ids -> assertThat(ids).containsExactly(107, 112));
    assertThat(TftpReadable.ids(passwd, "nobody")).isEmpty();
    assertThat(
            TftpReadable.groups(
                "tftp:x:112:\nboot:x:200:alice,tftp\nother:x:300:bob\n", "tftp", 112))
        .containsExactlyInAnyOrder(112, 200);
  }
}
