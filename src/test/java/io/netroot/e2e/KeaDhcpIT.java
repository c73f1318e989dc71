package io.netroot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kea-dhcp4.conf that {@code bin/agent apply} wrote with {@code dhcp: {server: kea}}, served by
 * a real Kea in the lab's server namespace to busybox's udhcpc in the client's; and a spec change
 * applied while Kea runs, by a reload that keeps its process and its leases.
 *
 * <p>netroot reloads Kea through {@code systemctl kill --signal=SIGHUP}. systemd is not PID 1 here,
 * so the reload test runs {@code bin/agent} with {@code --services systemd} and a stand-in {@code
 * systemctl} ({@link FakeSystemctl}) that sends the signal to the Kea the test started: the signal
 * and what Kea does with it are real.
 */
class KeaDhcpIT {

  static final String NODE02_MAC = "52:54:00:77:00:12";
  static final String NODE02_IP = "10.77.0.12";

  @TempDir Path dir;
  E2eBootServer server;

  @BeforeEach
  void setUp() throws Exception {
    Path kernel = Files.write(dir.resolve("vmlinuz"), new byte[] {0x4d, 0x5a, 1, 2, 3});
    Path initrd = Files.write(dir.resolve("initrd.img"), new byte[] {0x1f, (byte) 0x8b, 0});
    server = new E2eBootServer(dir, kernel, initrd, E2eBootServer.Dhcp.KEA);
  }

  @Test
  void theHostGetsItsFixedAddressTheNextServerAndTheBootFileOfItsFirmware() throws Exception {
    server.apply();
    assertThat(Files.readString(server.path(E2eBootServer.KEA_CONF)))
        .contains("# BEGIN netroot")
        .contains("\"lease-database\"");
    try (NetworkLab lab = NetworkLab.create(dir.resolve("logs"), E2eBootServer.HOST_MAC)) {
      Daemons.kea(lab, server);
      assertThat(Udhcpc.lease(lab, dir))
          .isEqualTo("ip=10.77.0.11 siaddr=10.77.0.1 boot_file=pxelinux.0");
      // option 93 = 7: x86-64 UEFI
      assertThat(Udhcpc.lease(lab, dir, "-x", "0x5d:0007"))
          .isEqualTo("ip=10.77.0.11 siaddr=10.77.0.1 boot_file=efi64/syslinux.efi");

      lab.setClientMac("52:54:00:77:00:99");
      String dynamic = Udhcpc.lease(lab, dir);
      assertThat(dynamic)
          .matches("ip=10\\.77\\.0\\.1[0-9][0-9] siaddr=10\\.77\\.0\\.1 boot_file=pxelinux\\.0");
    }
  }

  @Test
  void specChangesWhileKeaRunsAreAppliedByReloadsThatKeepItsProcessAndItsLeases() throws Exception {
    FakeSystemctl systemctl = new FakeSystemctl(dir);
    try (NetworkLab lab = NetworkLab.create(dir.resolve("logs"), E2eBootServer.HOST_MAC)) {
      // Kea already runs on the admin's own configuration, with no subnet
      Process kea = Daemons.kea(lab, server);
      systemctl.mainPid("kea-dhcp4-server", kea);
      long pid = kea.pid();

      NetworkLab.Result first = systemctl.agent(server, "apply", "--no-diff");
      assertThat(first.exit()).as("bin/agent apply: %s", first.output()).isZero();
      assertThat(first.output()).contains("did reload kea-dhcp4-server");
      awaitReloads(lab, kea, 1);
      assertThat(Udhcpc.lease(lab, dir)).startsWith("ip=10.77.0.11 ");
      assertThat(KeaControl.lease(server.keaSocket(), E2eBootServer.HOST_IP).path("result").asInt())
          .as("the lease before the change")
          .isZero();
      // a host Kea does not know yet gets an address from the dynamic range
      lab.setClientMac(NODE02_MAC);
      assertThat(Udhcpc.lease(lab, dir)).doesNotStartWith("ip=" + NODE02_IP + " ");
      systemctl.calls();

      server.addHost("node02", NODE02_MAC, NODE02_IP);
      NetworkLab.Result plan = systemctl.agent(server, "plan");
      assertThat(plan.exit()).as("bin/agent plan: %s", plan.output()).isZero();
      assertThat(plan.output())
          .contains("~ update /etc/kea/kea-dhcp4.conf")
          .contains("+                \"hw-address\": \"" + NODE02_MAC + "\"")
          .contains("would reload kea-dhcp4-server")
          .doesNotContain("restart kea-dhcp4-server");
      assertThat(systemctl.calls()).isEmpty();

      NetworkLab.Result apply = systemctl.agent(server, "apply", "--no-diff");
      assertThat(apply.exit()).as("bin/agent apply: %s", apply.output()).isZero();
      assertThat(systemctl.calls())
          .containsExactly("systemctl kill --kill-who=main --signal=SIGHUP kea-dhcp4-server");
      awaitReloads(lab, kea, 2);

      assertThat(kea.isAlive()).isTrue();
      assertThat(kea.pid()).isEqualTo(pid);
      String log = Daemons.read(lab.log("kea-dhcp4"));
      assertThat(log.split("DHCP4_STARTED", -1)).as("Kea started once: %s", log).hasSize(2);
      // the new host is served; the lease given before the reload is still Kea's
      assertThat(Udhcpc.lease(lab, dir)).startsWith("ip=" + NODE02_IP + " siaddr=10.77.0.1 ");
      JsonNode before = KeaControl.lease(server.keaSocket(), E2eBootServer.HOST_IP);
      assertThat(before.path("result").asInt()).as("lease4-get: %s", before).isZero();
      assertThat(before.path("arguments").path("hw-address").asText())
          .isEqualTo(E2eBootServer.HOST_MAC);
    }
  }

  /** Waits until Kea says it took a new configuration {@code times} times since it started. */
  private static void awaitReloads(NetworkLab lab, Process kea, int times) {
    Daemons.awaitLog(
        lab,
        kea,
        "kea-dhcp4",
        "DHCP4_DYNAMIC_RECONFIGURATION_SUCCESS",
        times,
        Duration.ofSeconds(10));
  }
}
