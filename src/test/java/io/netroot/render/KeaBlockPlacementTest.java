package io.netroot.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * netroot's block goes right after the brace that opens the top-level {@code "Dhcp4"} map, found
 * the way Kea's parser reads the file; a file without that map is refused.
 */
class KeaBlockPlacementTest {

  private static final ManagedBlock BLOCK = ManagedBlock.HASH_COMMENTS;
  private static final String WRAPPED = BLOCK.wrap("\"subnet4\": [ ],\n");

  private static String place(String file) {
    return BLOCK.splice(file, WRAPPED, KeaBlockPlacement.INSTANCE);
  }

  @Test
  void aMissingOrEmptyFileBecomesTheBlockWithAnEmptyInterfaceList() {
    assertThat(place(null))
        .isEqualTo(
            "{\n\"Dhcp4\": {\n"
                + WRAPPED
                + "# Kea listens on no interface until you name them here (\"*\" for all).\n"
                + "\"interfaces-config\": { \"interfaces\": [ ] }\n}\n}\n");
    assertThat(place("\n")).isEqualTo(place(null));
  }

  @Test
  void theBlockTakesTheLinesAfterTheBraceThatEndsItsLine() {
    String file = "{\n  \"Dhcp4\": {   \n    \"valid-lifetime\": 4000\n  }\n}\n";
    assertThat(place(file))
        .isEqualTo("{\n  \"Dhcp4\": {   \n" + WRAPPED + "    \"valid-lifetime\": 4000\n  }\n}\n");
  }

  @Test
  void aBraceFollowedByMembersOnItsLineGetsTheBlockOnLinesOfItsOwn() {
    assertThat(place("{ \"Dhcp4\": { \"valid-lifetime\": 4000 } }"))
        .isEqualTo("{ \"Dhcp4\": {\n" + WRAPPED + " \"valid-lifetime\": 4000 } }");
  }

  @Test
  void commentsStringsIncludesAndOtherMapsAreNotTakenForTheDhcp4Map() {
    String file =
        "// \"Dhcp4\": { in a comment\n"
            + "# \"Dhcp4\": {\n"
            + "/* \"Dhcp4\": { */\n"
            + "{\n"
            + "  <?include \"/etc/kea/a{b.json\"?>\n"
            + "  \"Control-agent\": { \"Dhcp4\": { }, \"x\": \"Dhcp4\" },\n"
            + "  \"note\": \"a \\\" \\\"Dhcp4\\\": {\",\n"
            + "  \"Dhcp4\"  :  {\n"
            + "  }\n"
            + "}\n";
    int brace = KeaBlockPlacement.dhcp4MapStart(file);
    assertThat(file.substring(0, brace)).endsWith("  \"Dhcp4\"  :  ");
  }

  @Test
  void aFileWithoutADhcp4MapIsRefusedNotGuessed() {
    assertThatThrownBy(() -> place("{ \"Dhcp6\": { } }"))
        .isInstanceOf(MalformedBlockException.class)
        .hasMessageContaining("no \"Dhcp4\" map");
    assertThatThrownBy(() -> place("{ \"Dhcp4\": 5 }")).isInstanceOf(MalformedBlockException.class);
  }

  @Test
  void aBlockThatIsThereIsReplacedWhereItIsAndItsRemovalLeavesTheAdminsMembers() {
    String file = "{ \"Dhcp4\": {\n  \"a\": 1,\n" + BLOCK.wrap("old\n") + "  \"b\": 2\n} }\n";
    assertThat(place(file))
        .isEqualTo("{ \"Dhcp4\": {\n  \"a\": 1,\n" + WRAPPED + "  \"b\": 2\n} }\n");
    assertThat(BLOCK.remove(place("{ \"Dhcp4\": {\n  \"b\": 2\n} }\n")))
        .isEqualTo("{ \"Dhcp4\": {\n  \"b\": 2\n} }\n");
  }
}
