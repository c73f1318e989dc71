package io.netroot.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManagedBlockTest {

  private static final ManagedBlock BLOCK = ManagedBlock.HASH_COMMENTS;

  private static final String WRAPPED = BLOCK.wrap("subnet 10.0.0.0 netmask 255.255.255.0 {\n}\n");

  @Test
  void wrapWritesMarkersNoticeAndBody() {
    assertThat(BLOCK.wrap("a;\nb;"))
        .isEqualTo(
            "# BEGIN netroot\n"
                + "# managed by netroot, edit the specs: changes inside this block are reverted\n"
                + "a;\n"
                + "b;\n"
                + "# END netroot\n");
  }

  @Test
  void wrapOfAnEmptyBodyIsMarkersAndNotice() {
    assertThat(BLOCK.wrap(""))
        .isEqualTo(
            "# BEGIN netroot\n"
                + "# managed by netroot, edit the specs: changes inside this block are reverted\n"
                + "# END netroot\n");
  }

  @Test
  void wrapRefusesABodyWithAMarkerLine() {
    assertThatThrownBy(() -> BLOCK.wrap("a\n# END netroot\nb\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2");
  }

  @Test
  void missingFileGetsTheBlockAlone() {
    assertThat(BLOCK.splice(null, WRAPPED)).isEqualTo(WRAPPED);
  }

  @Test
  void emptyFileGetsTheBlockAlone() {
    assertThat(BLOCK.splice("", WRAPPED)).isEqualTo(WRAPPED);
  }

  @Test
  void handEditOutsideManagedBlockIsKept() {
    String before = "# site settings\r\nauthoritative;\r\n\tddns-update-style none;  \r\n\n";
    String after = "\n# added by hand\r\n\tlog-facility local7;";
    String old = BLOCK.wrap("old;\n");

    String spliced = BLOCK.splice(before + old + after, WRAPPED);

    assertThat(spliced).isEqualTo(before + WRAPPED + after);
    assertThat(spliced).startsWith(before).endsWith(after);
  }

  @Test
  void fileWithoutTrailingNewlineGetsOneBeforeTheAppendedBlock() {
    String text = "authoritative;\r\n\toption domain-name \"x\";";
    assertThat(BLOCK.splice(text, WRAPPED)).isEqualTo(text + "\n" + WRAPPED);
  }

  @Test
  void fileEndingWithNewlineGetsTheBlockAppended() {
    String text = "authoritative;\n";
    assertThat(BLOCK.splice(text, WRAPPED)).isEqualTo(text + WRAPPED);
  }

  @Test
  void spliceIsIdempotent() {
    for (String text :
        new String[] {null, "", "a;", "a;\n", "x\r\n" + BLOCK.wrap("old") + "y", "\t\n\n"}) {
      String once = BLOCK.splice(text, WRAPPED);
      assertThat(BLOCK.splice(once, WRAPPED)).as("text %s", text).isEqualTo(once);
    }
  }

  @Test
  void blockWhoseEndMarkerLacksANewlineIsReplacedWhole() {
    String text = "a;\n# BEGIN netroot\nold;\n# END netroot";
    assertThat(BLOCK.splice(text, WRAPPED)).isEqualTo("a;\n" + WRAPPED);
  }

  @Test
  void markersWrittenWithCrlfOrIndentedAreStillFound() {
    String text = "a\r\n  # BEGIN netroot\r\nold\r\n# END netroot \r\nb\r\n";
    Optional<ManagedBlock.Located> found = BLOCK.find(text);
    assertThat(found).isPresent();
    assertThat(found.get().text()).isEqualTo("  # BEGIN netroot\r\nold\r\n# END netroot \r\n");
    assertThat(BLOCK.splice(text, WRAPPED)).isEqualTo("a\r\n" + WRAPPED + "b\r\n");
  }

  @Test
  void findReportsOffsetsAndText() {
    String text = "a\n" + WRAPPED + "b\n";
    ManagedBlock.Located found = BLOCK.find(text).orElseThrow();
    assertThat(found.start()).isEqualTo(2);
    assertThat(found.end()).isEqualTo(2 + WRAPPED.length());
    assertThat(found.text()).isEqualTo(WRAPPED);
  }

  @Test
  void findOnAFileWithoutBlockIsEmpty() {
    assertThat(BLOCK.find("")).isEmpty();
    assertThat(BLOCK.find("# BEGIN netroots\n# END netroot-ish\n")).isEmpty();
  }

  @Test
  void beginWithoutEndIsMalformed() {
    assertThatThrownBy(() -> BLOCK.find("a\n# BEGIN netroot\nb\n"))
        .isInstanceOf(MalformedBlockException.class)
        .hasMessageContaining("BEGIN netroot\" at line 2 has no \"# END netroot\"");
  }

  @Test
  void beginTwiceBeforeEndIsMalformed() {
    assertThatThrownBy(() -> BLOCK.find("# BEGIN netroot\n# BEGIN netroot\n# END netroot\n"))
        .isInstanceOf(MalformedBlockException.class)
        .hasMessageContaining("at line 1 has no");
  }

  @Test
  void endWithoutBeginIsMalformed() {
    assertThatThrownBy(() -> BLOCK.find("a\n# END netroot\n"))
        .isInstanceOf(MalformedBlockException.class)
        .hasMessageContaining("\"# END netroot\" at line 2 has no \"# BEGIN netroot\" before it");
  }

  @Test
  void twoBlocksAreMalformed() {
    assertThatThrownBy(() -> BLOCK.find(WRAPPED + "x\n" + WRAPPED))
        .isInstanceOf(MalformedBlockException.class)
        .isInstanceOf(io.netroot.NetrootException.class)
        .hasMessageContaining("two netroot blocks, starting at lines 1 and 7");
  }

  @Test
  void spliceAndRemoveRefuseAMalformedFile() {
    assertThatThrownBy(() -> BLOCK.splice("# END netroot\n", WRAPPED))
        .isInstanceOf(MalformedBlockException.class);
    assertThatThrownBy(() -> BLOCK.remove("# BEGIN netroot\n"))
        .isInstanceOf(MalformedBlockException.class);
  }

  @Test
  void removeKeepsTheRest() {
    String before = "a;\r\n\tb;\n";
    String after = "c;\n\td;";
    assertThat(BLOCK.remove(before + WRAPPED + after)).isEqualTo(before + after);
    assertThat(BLOCK.remove(before + after)).isEqualTo(before + after);
    assertThat(BLOCK.remove(WRAPPED)).isEmpty();
  }
}
