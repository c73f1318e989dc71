package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.os.CommandRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The systemd backend, end to end: {@code bin/agent} runs as its own process with stand-in {@code
 * systemctl} and {@code exportfs} first on PATH. They keep each unit's state in files and record
 * every call, since systemd is not PID 1 where tests run. {@code --services systemd} asks for
 * systemd under a root prefix, so nothing of this machine is touched.
 */
class ServicesIT {

  @TempDir Path dir;
  TestBootServer server;
  Path bin;
  Path units;

  @BeforeEach
  void setUp() throws Exception {
    server = new TestBootServer(dir);
    bin = Files.createDirectories(dir.resolve("fakebin"));
    units = Files.createDirectories(dir.resolve("units"));
    script(
        "systemctl",
        """
        #!/bin/sh
        echo "systemctl $*" >> "%1$s/calls.log"
        case "$1" in
          is-enabled) s=$(cat "%1$s/$2.enabled" 2>/dev/null || echo disabled); echo "$s"; [ "$s" = enabled ];;
          is-active) s=$(cat "%1$s/$2.active" 2>/dev/null || echo inactive); echo "$s"; [ "$s" = active ];;
          enable) [ "$2" = --now ] && echo enabled > "%1$s/$3.enabled" && echo active > "%1$s/$3.active";;
          restart) echo active > "%1$s/$2.active";;
        esac
        """
            .formatted(units));
    script("exportfs", "#!/bin/sh\necho \"exportfs $*\" >> \"%s/calls.log\"\n".formatted(units));
  }

  private void script(String name, String text) throws Exception {
    Path file = bin.resolve(name);
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private CommandRunner.Result agent(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(List.of("env", "PATH=" + bin + ":" + System.getenv("PATH"), "bin/agent"));
    command.addAll(List.of(args));
    command.addAll(
        List.of(
            "--specs",
            server.specs.toString(),
            "--root",
            server.root.toString(),
            "--services",
            "systemd"));
    return new CommandRunner(120).run(command);
  }

  private List<String> calls() throws Exception {
    Path log = units.resolve("calls.log");
    List<String> calls = Files.exists(log) ? Files.readAllLines(log) : List.of();
    Files.deleteIfExists(log);
    return calls.stream().filter(c -> !c.contains(" is-")).toList();
  }

  @Test
  void servicesAreEnabledAndStartedOnceAndAHandStoppedServiceIsDriftThatApplyFixes()
      throws Exception {
    assertThat(Path.of("target/netroot.jar")).as("the jar built by mvn package").exists();

    CommandRunner.Result first = agent("apply", "--no-diff");
    assertThat(first.exitCode()).as(first.output()).isZero();
    assertThat(calls())
        .containsExactly(
            "systemctl enable --now nfs-server",
            "systemctl enable --now tftp",
            "systemctl enable --now dhcpd",
            "exportfs -ra",
            "systemctl restart tftp",
            "systemctl restart dhcpd");

    CommandRunner.Result plan = agent("plan", "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.output()).isZero();
    assertThat(calls()).isEmpty();

    Files.writeString(units.resolve("dhcpd.active"), "inactive\n");
    CommandRunner.Result drift = agent("drift");
    assertThat(drift.exitCode()).as(drift.output()).isEqualTo(2);
    assertThat(drift.output())
        .contains("~ systemd:dhcpd  DHCP service dhcpd: edited by hand")
        .contains("-enabled at boot, running")
        .contains("+enabled at boot, inactive");

    CommandRunner.Result fix = agent("apply", "--no-diff");
    assertThat(fix.exitCode()).as(fix.output()).isZero();
    assertThat(calls()).containsExactly("systemctl enable --now dhcpd");
  }

  @Test
  void aServiceIsNotStartedWhenItsConfigurationFailed() throws Exception {
    Files.delete(server.specs.resolve("kernels/vmlinuz-nfs1"));
    CommandRunner.Result apply = agent("apply", "--no-diff");
    assertThat(apply.exitCode()).isEqualTo(1);
    assertThat(apply.output()).contains("systemd:dhcpd  DHCP service dhcpd: not touched");
    assertThat(calls())
        .contains("systemctl enable --now nfs-server")
        .doesNotContain("systemctl enable --now dhcpd");
  }

  @Test
  void checkSeesTheServicesTheInterfacesAndTheExportsWithTheirFixes() throws Exception {
    script(
        "ip",
        "#!/bin/sh\necho '1: lo    inet 127.0.0.1/8 scope host lo'\n"
            + "echo '3: eth9    inet 10.0.0.1/24 brd 10.0.0.255 scope global eth9'\n");
    script(
        "exportfs",
        "#!/bin/sh\n[ \"$1\" = -v ] && printf '/storage/diskless/cent55_root\\n\\t\\t10.0.0.0/24(rw)\\n'\n"
            + "exit 0\n");
    assertThat(agent("apply").exitCode()).isZero();
    CommandRunner.Result check = agent("check");
    assertThat(check.exitCode()).as(check.output()).isZero();
    assertThat(check.output())
        .contains("ok    service dhcpd: enabled and running")
        .contains("ok    service tftp: enabled and running")
        .contains("ok    dhcp on lab 10.0.0.0/24: on eth9 (10.0.0.1)")
        .contains("ok    exports: 1 exported, as exportfs -v lists");

    Files.writeString(units.resolve("tftp.active"), "failed\n");
    Path defaults = Files.createDirectories(server.file("/etc/default"));
    Files.writeString(defaults.resolve("isc-dhcp-server"), "INTERFACESv4=\"eth0\"\n");
    script("exportfs", "#!/bin/sh\nexit 0\n");
    CommandRunner.Result failing = agent("check");
    assertThat(failing.exitCode()).isEqualTo(1);
    assertThat(failing.output())
        .contains("FAIL  service tftp: ")
        .contains("fix: systemctl enable --now tftp (agent apply does it)")
        .contains("FAIL  exports: not exported: /storage/diskless/cent55_root")
        .contains("fix: exportfs -ra");
  }

  @Test
  void checkReadsTheInterfacesKeaAndDnsmasqAnswerOnFromTheirOwnConfiguration() throws Exception {
    script(
        "ip",
        "#!/bin/sh\necho '1: lo    inet 127.0.0.1/8 scope host lo'\n"
            + "echo '3: eth9    inet 10.0.0.1/24 brd 10.0.0.255 scope global eth9'\n");
    Path boot = server.specs.resolve("boot.yaml");
    Files.writeString(
        boot,
        Files.readString(boot)
            .replace(
                "dhcp: {config: /etc/dhcp/dhcpd.conf, service: dhcpd}",
                "dhcp: {server: kea, service: kea-dhcp4-server}"));
    CommandRunner.Result apply = agent("apply", "--no-diff");
    assertThat(apply.exitCode()).as(apply.output()).isZero();
    // the file netroot made names no interface: Kea answers nowhere yet
    CommandRunner.Result none = agent("check");
    assertThat(none.output())
        .contains("FAIL  dhcp on lab 10.0.0.0/24: eth9 is not in Kea's interfaces-config (none)")
        .contains(
            "fix: add \"eth9\" to \"interfaces\" of \"interfaces-config\" in"
                + " /etc/kea/kea-dhcp4.conf");
    Path kea = server.file("/etc/kea/kea-dhcp4.conf");
    Files.writeString(
        kea, Files.readString(kea).replace("\"interfaces\": [ ]", "\"interfaces\": [ \"eth9\" ]"));
    assertThat(agent("check").output())
        .contains("ok    dhcp on lab 10.0.0.0/24: on eth9 (10.0.0.1)");

    Files.writeString(
        boot,
        Files.readString(boot)
            .replace(
                "dhcp: {server: kea, service: kea-dhcp4-server}",
                "dhcp: {server: dnsmasq, service: dnsmasq}"));
    Files.writeString(server.file("/etc/dnsmasq.conf"), "port=0\ninterface=eth0\n");
    Files.createDirectories(server.file("/etc/dnsmasq.d"));
    assertThat(agent("apply", "--no-diff").exitCode()).isZero();
    assertThat(agent("check").output())
        .contains(
            "FAIL  dhcp on lab 10.0.0.0/24: eth9 is not in dnsmasq's interface= and"
                + " listen-address= (eth0)");
    Files.writeString(server.file("/etc/dnsmasq.conf"), "port=0\n");
    assertThat(agent("check").output())
        .contains("ok    dhcp on lab 10.0.0.0/24: on eth9 (10.0.0.1)");
  }
}
