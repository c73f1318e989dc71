package io.netroot.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusFileTest {

  @Test
  void anEntryAddedToTheEncodedStatusIsWhatEncodingTheWholeDocumentGives() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("format_version", "1.1");
    doc.put("pid", 42L);
    doc.put("ready", true);
    doc.put("not_ready_reason", null);
    doc.put(
        "resources",
        List.of(
            Map.of("id", "file:/srv/tftp/pxelinux.cfg/01-aa", "condition", "ok"),
            Map.of("id", "block:/etc/exports", "reason", "edited by \"hand\"\nline two é")));
    doc.put("counts", Map.of());
    Map<String, Object> marker = new LinkedHashMap<>();
    marker.put("number", 3L);
    marker.put("reason", "hand edit");
    marker.put("nested", Map.of("list", List.of(1, 2), "empty", List.of()));

    byte[] spliced =
        StatusFile.withEntry(StatusFile.encode(doc), "pass_in_progress", marker).orElseThrow();

    Map<String, Object> whole = new LinkedHashMap<>(doc);
    whole.put("pass_in_progress", marker);
    assertThat(new String(spliced, java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(new String(StatusFile.encode(whole), java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void anEmptyDocumentIsEncodedWholeInstead() {
    assertThat(StatusFile.withEntry(StatusFile.encode(Map.of()), "k", "v")).isEmpty();
  }
}
