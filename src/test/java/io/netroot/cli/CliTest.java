package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {

  @TempDir Path dir;
  TestBootServer server;

  @BeforeEach
  void setUp() {
    server = new TestBootServer(dir);
  }

  @Test
  void validateAcceptsTheSeedSpecs() {
    TestBootServer.Run run = TestBootServer.run("validate", "--specs", server.specs.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("valid").contains("1 host");
  }

  @Test
  void validateRejectsABrokenSpecWithFileLineAndColumn() {
    server.writeSpec("hosts.yaml", TestBootServer.DEVBOARD.replace("10.0.0.222", "10.0.0.150"));
    TestBootServer.Run run = TestBootServer.run("validate", "--specs", server.specs.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .contains(server.specs.resolve("hosts.yaml") + ":6:7: ")
        .contains("dynamic range");
    assertThat(run.err()).doesNotContain("Exception");
  }

  @Test
  void planChangesNothingOnDisk() {
    TestBootServer.Run run = server.agent("plan", "--detailed-exitcode");
    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.out())
        .contains("+ create /etc/dhcp/dhcpd.conf")
        .contains("+ create /var/lib/tftpboot/pxelinux.cfg/01-08-00-2b-4c-59-23")
        .contains("+    fixed-address 10.0.0.222;")
        .contains("would restart dhcpd")
        .contains("Plan: 19 to create, 0 to update, 0 to delete, 0 unchanged.");
    assertThat(server.snapshot()).containsOnlyKeys("");
  }

  @Test
  void applyThenPlanHasNothingToDo() {
    TestBootServer.Run apply = server.agent("apply");
    assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out())
        .contains("Applied: 19 created")
        .contains("not touched under --root: would restart dhcpd");
    assertThat(server.file("/etc/dhcp/dhcpd.conf")).content().contains("host devboard {");
    assertThat(server.file("/etc/exports"))
        .content()
        .contains("/storage/diskless/cent55_root 10.0.0.0/24(rw,sync,no_root_squash)");
    assertThat(server.file("/var/lib/tftpboot/images/linux-nfs1/vmlinuz-nfs1")).exists();
    assertThat(server.file("/storage/diskless/cent55_root/etc/fstab"))
        .hasContent("10.0.0.1:/storage/diskless/cent55_root / nfs rw,tcp,vers=3 0 0\n");

    TestBootServer.Run plan = server.agent("plan", "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.out()).isZero();
    assertThat(plan.out()).contains("nothing to change");
    assertThat(server.agent("drift").exit()).isZero();
  }

  @Test
  void handEditInsideTheBlockIsReportedByDriftAndPlanAndRevertedByApplyWithABackup()
      throws Exception {
    server.agent("apply");
    Path dhcpd = server.file("/etc/dhcp/dhcpd.conf");
    String original = Files.readString(dhcpd);
    Files.writeString(
        dhcpd, original.replace("fixed-address 10.0.0.222;", "fixed-address 10.0.0.223;"));

    TestBootServer.Run drift = server.agent("drift");
    assertThat(drift.exit()).isEqualTo(2);
    assertThat(drift.out())
        .contains("~ /etc/dhcp/dhcpd.conf")
        .contains("-    fixed-address 10.0.0.222;")
        .contains("+    fixed-address 10.0.0.223;");

    TestBootServer.Run plan = server.agent("plan", "--detailed-exitcode");
    assertThat(plan.exit()).isEqualTo(2);
    assertThat(plan.out())
        .contains("edited by hand since the last apply (a backup will be kept)")
        .contains("(on disk, edited by hand)");

    TestBootServer.Run apply = server.agent("apply");
    assertThat(apply.exit()).isZero();
    assertThat(apply.out()).contains("[backup ");
    assertThat(dhcpd).hasContent(original.strip());

    TestBootServer.Run backups = TestBootServer.run("backups", "--root", server.root.toString());
    assertThat(backups.out()).contains("/etc/dhcp/dhcpd.conf: edited by hand since the last apply");
    String id = backups.out().lines().skip(1).findFirst().orElseThrow().split(" ")[0];

    TestBootServer.Run restore =
        TestBootServer.run("backups", "--root", server.root.toString(), "--restore", id);
    assertThat(restore.exit()).as(restore.err()).isZero();
    assertThat(dhcpd).content().contains("fixed-address 10.0.0.223;");
    assertThat(server.agent("drift").exit()).isEqualTo(2);
  }

  @Test
  void handEditOutsideTheBlockIsKept() throws Exception {
    Path dhcpd = server.file("/etc/dhcp/dhcpd.conf");
    Files.createDirectories(dhcpd.getParent());
    Files.writeString(dhcpd, "authoritative;\nddns-update-style none;\n");
    server.agent("apply");
    Files.writeString(dhcpd, Files.readString(dhcpd) + "log-facility local7;\n");
    server.writeSpec("hosts.yaml", TestBootServer.DEVBOARD.replace("10.0.0.222", "10.0.0.223"));

    TestBootServer.Run apply = server.agent("apply");
    assertThat(apply.exit()).as(apply.out()).isZero();
    assertThat(Files.readString(dhcpd))
        .startsWith("authoritative;\nddns-update-style none;\n# BEGIN netroot\n")
        .endsWith("# END netroot\nlog-facility local7;\n")
        .contains("fixed-address 10.0.0.223;");
  }

  @Test
  void planJsonIsAVersionedDocument() throws Exception {
    server.agent("apply");
    Files.writeString(server.file("/var/lib/tftpboot/pxelinux.cfg/01-stray"), "x\n");
    server.writeSpec("hosts.yaml", TestBootServer.DEVBOARD.replace("10.0.0.222", "10.0.0.223"));

    TestBootServer.Run plan = server.agent("plan", "--json");
    assertThat(plan.exit()).as(plan.err()).isZero();
    JsonNode doc = new ObjectMapper().readTree(plan.out());
    assertThat(doc.get("format_version").asText()).isEqualTo("1.0");
    assertThat(doc.get("changes"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.get("id").asText()).isEqualTo("block:/etc/dhcp/dhcpd.conf");
              assertThat(c.get("action").asText()).isEqualTo("update");
              assertThat(c.get("path").asText()).isEqualTo("/etc/dhcp/dhcpd.conf");
              assertThat(c.get("reason").asText()).isEqualTo("spec changed");
              assertThat(c.get("diff").asText()).contains("+    fixed-address 10.0.0.223;");
            });
    assertThat(doc.get("drift"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.get("kind").asText()).isEqualTo("unexpected");
              assertThat(d.get("path").asText())
                  .isEqualTo("/var/lib/tftpboot/pxelinux.cfg/01-stray");
            });
    assertThat(doc.get("summary").get("update").asInt()).isEqualTo(1);
  }

  @Test
  void invalidSpecsChangeNothingOnDisk() {
    server.agent("apply");
    Map<String, String> before = server.snapshot();
    server.writeSpec(
        "hosts.yaml", TestBootServer.DEVBOARD.replace("profile: nfs-centos55", "profile: nope"));
    TestBootServer.Run apply = server.agent("apply");
    assertThat(apply.exit()).isEqualTo(1);
    assertThat(apply.err()).contains("hosts.yaml:").contains("nothing was changed");
    assertThat(server.snapshot()).isEqualTo(before);
  }

  @Test
  void aMissingKernelImageIsAnErrorOfThatResourceInPlanAsInApply() throws Exception {
    Files.delete(server.specs.resolve("kernels/vmlinuz-nfs1"));
    TestBootServer.Run plan = server.agent("plan");
    assertThat(plan.exit()).isEqualTo(1);
    assertThat(plan.out()).contains("vmlinuz-nfs1 does not exist").contains("boot.yaml:");

    TestBootServer.Run apply = server.agent("apply");
    assertThat(apply.exit()).isEqualTo(1);
    assertThat(server.file("/etc/exports")).exists();
    assertThat(server.file("/var/lib/tftpboot/pxelinux.0")).exists();
    assertThat(server.file("/var/lib/tftpboot/pxelinux.cfg/01-08-00-2b-4c-59-23")).doesNotExist();
    assertThat(server.file("/etc/dhcp/dhcpd.conf")).doesNotExist();
  }

  @Test
  void aRemovedHostLosesItsPxeFileAndPruneRemovesStrayFiles() throws Exception {
    server.agent("apply");
    Path stray = server.file("/var/lib/tftpboot/images/old/vmlinuz");
    Files.createDirectories(stray.getParent());
    Files.writeString(stray, "old kernel");
    server.writeSpec("hosts.yaml", "");

    TestBootServer.Run plan = server.agent("plan");
    assertThat(plan.out())
        .contains("- delete /var/lib/tftpboot/pxelinux.cfg/01-08-00-2b-4c-59-23")
        .contains("? extra  /var/lib/tftpboot/images/old/vmlinuz");

    assertThat(server.agent("apply").exit()).isZero();
    assertThat(server.file("/var/lib/tftpboot/pxelinux.cfg/01-08-00-2b-4c-59-23")).doesNotExist();
    assertThat(stray).exists();

    TestBootServer.Run prune = server.agent("apply", "--prune");
    assertThat(prune.exit()).isZero();
    assertThat(stray).doesNotExist();
    assertThat(stray.getParent()).doesNotExist();
    assertThat(server.agent("drift").exit()).isZero();
  }

  @Test
  void helpListsEveryCommand() {
    TestBootServer.Run help = TestBootServer.run("--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("validate", "plan", "apply", "drift", "backups");
  }

  /**
   * Every command's help renders as written: picocli reports a description it cannot format (a lone
   * {@code %}) on the process's standard error and prints the raw text instead.
   */
  @Test
  void everyCommandsHelpRendersWithoutFormatWarnings() {
    java.io.PrintStream saved = System.err;
    java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
    List<String> rendered = new ArrayList<>();
    List<String> ragged = new ArrayList<>();
    try {
      System.setErr(
          new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
      java.util.Deque<CommandLine> todo =
          new java.util.ArrayDeque<>(List.of(Main.newCommandLine()));
      while (!todo.isEmpty()) {
        CommandLine command = todo.pop();
        rendered.add(command.getCommandSpec().qualifiedName() + ": " + command.getUsageMessage());
        for (String line : command.getCommandSpec().usageMessage().description()) {
          // Each element is a line break of its own and picocli wraps it at 80 columns: an
          // element that ends mid-sentence breaks the help at a ragged place.
          if (!line.isEmpty() && !line.matches("(?s).*([.?)]|%n)$")) {
            ragged.add(command.getCommandSpec().qualifiedName() + ": " + line);
          }
        }
        todo.addAll(command.getSubcommands().values());
      }
    } finally {
      System.setErr(saved);
    }
    assertThat(rendered).hasSizeGreaterThan(10);
    assertThat(ragged).as("description lines that end mid-sentence").isEmpty();
    assertThat(warnings.toString(java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
    assertThat(String.join("\n", rendered)).doesNotContain("%n").doesNotContain("%%");
  }

  /** Every command answers {@code --help}, the hidden ones too. */
  @Test
  void everyCommandTakesHelp() {
    List<String> without = new ArrayList<>();
    java.util.Deque<CommandLine> todo = new java.util.ArrayDeque<>(List.of(Main.newCommandLine()));
    while (!todo.isEmpty()) {
      CommandLine command = todo.pop();
      if (command.getCommandSpec().findOption("--help") == null) {
        without.add(command.getCommandSpec().qualifiedName());
      }
      todo.addAll(command.getSubcommands().values());
    }
    assertThat(without).isEmpty();
  }

  /**
   * The flag takes the spec's words for the one drift policy, and refuses others before running.
   */
  @Test
  void onDriftTakesTheSpecsWordsAndRefusesOthers() {
    for (io.netroot.DriftPolicy policy : io.netroot.DriftPolicy.values()) {
      assertThat(new DriftPolicyConverter().convert(policy.word())).isEqualTo(policy);
    }
    TestBootServer.Run bad = TestBootServer.run("run", "--on-drift", "ignore");
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err()).contains("--on-drift", "ignore: use revert or report");
  }
}
