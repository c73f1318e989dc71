package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netroot.catalog.Platform;
import io.netroot.catalog.ServerLayout;
import io.netroot.engine.Options;
import io.netroot.engine.Report;
import io.netroot.os.RootFs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pass's own errors, warnings and leftovers reach the user, as text and as JSON. */
class ReportPassNotesTest {

  @TempDir Path dir;

  private Report report(boolean dryRun) {
    ServerLayout layout =
        new ServerLayout(
            "test",
            Platform.DEBIAN,
            "/srv/tftp",
            "/etc/dhcp/dhcpd.conf",
            "dhcpd",
            "/etc/exports",
            "nfs",
            "tftp",
            dir,
            dir,
            List.of(),
            dir,
            dir,
            List.of(),
            "/etc/nfs.conf",
            io.netroot.catalog.BackupLimits.DEFAULT);
    return new Report(
        dryRun ? Options.plan() : Options.apply(false),
        layout,
        Instant.parse("2024-05-01T10:00:00Z"),
        Duration.ofMillis(5),
        List.of(),
        List.of(),
        List.of(),
        false,
        List.of("/srv/tftp/pxelinux.cfg/.01-aa.netroot-00000000000000ff"),
        List.of("state.json is not valid JSON (line 1, column 2); it was moved aside"),
        List.of("cannot write /var/lib/netroot/state.json: No space left on device"));
  }

  private String print(boolean json, boolean dryRun) {
    StringWriter text = new StringWriter();
    OutputOptions output = new OutputOptions();
    output.json = json;
    new ReportPrinter(new PrintWriter(text), new RootFs(dir), output)
        .print(dryRun ? "plan" : "apply", report(dryRun));
    return text.toString();
  }

  @Test
  void aStateThatCouldNotBeSavedIsAnErrorOfTheReportAndTheExitIsOne() {
    assertThat(report(false).hasFailures()).isTrue();
    assertThat(print(false, false))
        .contains("! error  cannot write /var/lib/netroot/state.json: No space left on device")
        .contains("warning: state.json is not valid JSON")
        .contains("- temp   /srv/tftp/pxelinux.cfg/.01-aa.netroot-00000000000000ff")
        .contains("1 failed or blocked")
        .doesNotContain("nothing to change");
  }

  @Test
  void theJsonReportCarriesErrorsWarningsAndLeftovers() throws Exception {
    JsonNode doc = new ObjectMapper().readTree(print(true, false));
    assertThat(doc.get("errors").get(0).asText()).contains("No space left on device");
    assertThat(doc.get("warnings")).hasSize(1);
    assertThat(doc.get("leftovers").get(0).asText()).endsWith(".netroot-00000000000000ff");
    assertThat(doc.get("summary").get("failed").asInt()).isEqualTo(1);
  }

  @Test
  void aPlanSaysTheNextApplyRemovesLeftovers() {
    assertThat(print(false, true))
        .contains("? temp   /srv/tftp/pxelinux.cfg/.01-aa.netroot-00000000000000ff")
        .contains("left by an interrupted run, removed by the next apply");
  }
}
