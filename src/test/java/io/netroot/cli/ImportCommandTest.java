package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code agent import} on the command line: what it prints, in text and JSON, and its refusals. */
class ImportCommandTest {

  @TempDir Path dir;

  @Test
  void printsTheCountsAndWhereTheReportIs() {
    Path root = ImportRoundTripTest.fixture("cobbler", dir.resolve("root"));
    Path out = dir.resolve("specs");
    TestBootServer.Run run =
        TestBootServer.run("import", "--root", root.toString(), "--out", out.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith(
            "Imported from "
                + root
                + ": 1 BootServer, 1 Network, 1 Kernel, 1 RootImage, 1 Export, 1 Profile, 1 Host.")
        .contains("Not imported: 1.")
        .contains("Report: " + out.resolve("IMPORT-REPORT.md"))
        .contains("agent plan --specs " + out);
    assertThat(out.resolve("server.yaml")).exists();

    TestBootServer.Run validate = TestBootServer.run("validate", "--specs", out.toString());
    assertThat(validate.out())
        .contains("valid (1 network, 1 kernel, 1 root image, 1 export, 1 profile, 1 host)");

    TestBootServer.Run again =
        TestBootServer.run("import", "--root", root.toString(), "--out", out.toString());
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).contains("already holds").contains("use --force");
  }

  @Test
  void jsonHasTheCountsAndTheReportsItems() throws Exception {
    Path root = ImportRoundTripTest.fixture("seed", dir.resolve("root"));
    Path out = dir.resolve("specs");
    TestBootServer.Run run =
        TestBootServer.run("import", "--root", root.toString(), "--out", out.toString(), "--json");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("format_version").asText()).isEqualTo("1.0");
    assertThat(json.get("report").asText()).isEqualTo(out.resolve("IMPORT-REPORT.md").toString());
    assertThat(json.get("counts").get("Network").asInt()).isEqualTo(1);
    assertThat(json.get("counts").get("Host").asInt()).isZero();
    JsonNode notImported = json.get("items").get("not_imported");
    assertThat(notImported.get(0).get("where").asText()).isEqualTo("/etc/dhcpd.conf:30");
    assertThat(notImported.get(0).get("text").asText())
        .startsWith("host mylaptop (08:00:2b:4c:59:23, 10.0.0.222): ")
        .contains("/diskless/cent55_root");
    assertThat(json.get("items").get("changes").get(0).get("changes").toString())
        .contains("subnet 10.0.0.0/24 filename uefi");
  }

  @Test
  void aBadAddressOrARelativePathIsRefused() {
    TestBootServer.Run run =
        TestBootServer.run(
            "import",
            "--root",
            dir.toString(),
            "--out",
            dir.resolve("o").toString(),
            "--address",
            "10.0.0");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("--address 10.0.0");
    TestBootServer.Run relative =
        TestBootServer.run(
            "import",
            "--root",
            dir.toString(),
            "--out",
            dir.resolve("o").toString(),
            "--tftp-root",
            "tftp");
    assertThat(relative.err()).contains("tftp is not an absolute path on the server");
  }
}
