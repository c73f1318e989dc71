package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Under --json, stdout is JSON whatever happens: valid specs, bad specs, other errors. */
class JsonDiagnosticsTest {

  @TempDir Path dir;
  TestBootServer server;

  @BeforeEach
  void setUp() {
    server = new TestBootServer(dir);
  }

  @Test
  void validateJsonCountsWhatTheSpecsHold() throws Exception {
    TestBootServer.Run run =
        TestBootServer.run("validate", "--specs", server.specs.toString(), "--json");
    assertThat(run.exit()).isZero();
    JsonNode doc = new ObjectMapper().readTree(run.out());
    assertThat(doc.get("ok").asBoolean()).isTrue();
    assertThat(doc.get("counts").get("hosts").asInt()).isEqualTo(1);
    assertThat(doc.get("diagnostics")).isEmpty();
  }

  @Test
  void badSpecsAreDiagnosticsWithFileLineAndColumn() throws Exception {
    server.writeSpec("hosts.yaml", TestBootServer.DEVBOARD.replace("10.0.0.222", "10.0.0.999"));
    for (String command : new String[] {"validate", "plan", "apply"}) {
      TestBootServer.Run run =
          command.equals("validate")
              ? TestBootServer.run("validate", "--specs", server.specs.toString(), "--json")
              : server.agent(command, "--json");
      assertThat(run.exit()).as(command).isEqualTo(1);
      JsonNode doc = new ObjectMapper().readTree(run.out());
      assertThat(doc.get("ok").asBoolean()).isFalse();
      assertThat(doc.get("command").asText()).isEqualTo(command);
      JsonNode first = doc.get("diagnostics").get(0);
      assertThat(first.get("file").asText()).endsWith("hosts.yaml");
      assertThat(first.get("line").asInt()).isEqualTo(6);
      assertThat(first.get("column").asInt()).isPositive();
      assertThat(first.get("message").asText()).contains("10.0.0.999");
      // the text for people is still on stderr
      assertThat(run.err()).contains("hosts.yaml:6:");
    }
  }

  @Test
  void anotherErrorIsADiagnosticWithoutAPlace() throws Exception {
    TestBootServer.Run run = server.agent("plan", "--json", "--host", "nobody");
    assertThat(run.exit()).isEqualTo(1);
    JsonNode first = new ObjectMapper().readTree(run.out()).get("diagnostics").get(0);
    assertThat(first.get("message").asText()).contains("--host nobody");
    assertThat(first.has("file")).isFalse();
  }
}
