package io.netroot.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.bench.FleetGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One hosts file of 10 000 documents, which the loader parses in parts on several threads: every
 * position it gives, in errors and in origins, is the true line and column in the file.
 */
class LargeSpecFileTest {

  private static final int HOSTS = 10_000;

  /** The 7000th host document of the file. */
  private static final String HOST = "node06999";

  @TempDir Path dir;

  private Path hostsFile;
  private String text;

  @BeforeEach
  void writeFleet() throws IOException {
    new FleetGenerator(HOSTS, 4, 4, 3, FleetGenerator.Layout.ONE_FILE).write(dir);
    hostsFile = dir.resolve("hosts.yaml");
    text = Files.readString(hostsFile);
  }

  @Test
  void theFileIsParsedInParts() {
    assertThat(YamlSplit.split(text, 8)).hasSize(8);
  }

  @Test
  void everyHostKeepsTheLinesAndColumnsOfItsDocumentAndFields() {
    SpecSet specs = SpecLoader.load(dir);

    Map<String, Position> documents = new HashMap<>();
    Map<String, Position> ips = new HashMap<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String prefix = "metadata: {name: ";
      if (lines[i].startsWith(prefix)) {
        String name = lines[i].substring(prefix.length(), lines[i].indexOf('}'));
        // "apiVersion" is two lines above; lines are 1-based, the array 0-based
        documents.put(name, new Position(hostsFile.toString(), i - 1, 1));
        ips.put(name, new Position(hostsFile.toString(), i + 2, lines[i + 1].indexOf("ip: ") + 5));
      }
    }
    assertThat(specs.hosts()).hasSize(HOSTS);
    for (Host host : specs.hosts()) {
      assertThat(host.origin().document()).as(host.name()).isEqualTo(documents.get(host.name()));
      assertThat(host.origin().at("spec.ip")).as(host.name()).isEqualTo(ips.get(host.name()));
    }
    assertThat(documents.get(HOST).line()).isGreaterThan(30_000);
  }

  @Test
  void anErrorInThe7000thDocumentNamesItsTrueLineAndColumn() throws IOException {
    int document = text.indexOf("metadata: {name: " + HOST + "}");
    int ip = text.indexOf("ip: ", document) + "ip: ".length();
    int end = text.indexOf(',', ip);
    Files.writeString(hostsFile, text.substring(0, ip) + "10.300.0.1" + text.substring(end));

    List<SpecError> errors = SpecFixtures.errors(dir);

    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).position()).isEqualTo(positionOf(text, ip));
    assertThat(errors.get(0).message()).contains(HOST);
  }

  @Test
  void aSyntaxErrorInThe7000thDocumentIsTheOneOfASingleParse() throws IOException {
    int document = text.indexOf("metadata: {name: " + HOST + "}");
    int spec = text.indexOf("spec: {", document);
    String broken = text.substring(0, spec) + "spec: {mac: [" + text.substring(spec + 7);
    Files.writeString(hostsFile, broken);
    List<SpecError> single = new ArrayList<>();
    assertThat(YamlFiles.compose(hostsFile, broken, single)).isNull();

    List<SpecError> errors = SpecFixtures.errors(dir);

    assertThat(errors).isEqualTo(single);
    assertThat(errors.get(0).position().line())
        .isBetween(line(text, document), line(text, spec) + 4);
  }

  /** The 1-based position of a character index of {@code text}. */
  private Position positionOf(String text, int index) {
    int lineStart = text.lastIndexOf('\n', index - 1) + 1;
    return new Position(hostsFile.toString(), line(text, index), index - lineStart + 1);
  }

  private static int line(String text, int index) {
    int line = 1;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
