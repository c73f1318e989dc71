package io.netroot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.catalog.AttributeChange;
import io.netroot.os.ModeAndOwner;
import io.netroot.os.Sha256;
import org.junit.jupiter.api.Test;

/** How a file's mode and owner enter the three-way decision. */
class DecisionAttributesTest {

  /** A hash standing for the content named {@code name}. */
  static Sha256 h(String name) {
    return Sha256.of(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  static final AttributeChange UNREADABLE =
      new AttributeChange(new ModeAndOwner(0600, 0, 0), new ModeAndOwner(0644, 0, 0));

  @Test
  void rightContentWithAWrongModeIsAnUpdateOfTheModeAlone() {
    Decision d = Decision.decide(h("d"), h("d"), h("d"), UNREADABLE);
    assertThat(d.action()).isEqualTo(Action.UPDATE);
    assertThat(d.attributesOnly()).isTrue();
    assertThat(d.handEdit()).isTrue();
    assertThat(d.contentEdited()).isFalse();
    assertThat(d.conflict()).isFalse();
    assertThat(d.reason()).isEqualTo("changed by hand since the last apply: mode 0600 → 0644");
  }

  @Test
  void aWrongModeOnAFileNetrootNeverWroteIsNotAHandEdit() {
    Decision d = Decision.decide(h("d"), h("d"), null, UNREADABLE);
    assertThat(d.attributesOnly()).isTrue();
    assertThat(d.handEdit()).isFalse();
    assertThat(d.reason()).isEqualTo("mode 0600 → 0644");
  }

  @Test
  void aContentChangeCarriesTheModeChangeAndRewritesTheFile() {
    Decision d = Decision.decide(h("new"), h("old"), h("old"), UNREADABLE);
    assertThat(d.action()).isEqualTo(Action.UPDATE);
    assertThat(d.attributesOnly()).isFalse();
    assertThat(d.specChange()).isTrue();
    assertThat(d.contentEdited()).isFalse();
    assertThat(d.handEdit()).as("the mode was changed by hand").isTrue();
    assertThat(d.reason()).isEqualTo("spec changed; mode 0600 → 0644");
  }

  @Test
  void aContentEditAndAModeChangeAreBothHandEdits() {
    Decision d = Decision.decide(h("d"), h("edited"), h("d"), UNREADABLE);
    assertThat(d.contentEdited()).isTrue();
    assertThat(d.attributesOnly()).isFalse();
    assertThat(d.reason()).isEqualTo("edited by hand since the last apply; mode 0600 → 0644");
  }

  @Test
  void withoutAttributeChangeTheDecisionIsTheContentsAlone() {
    Decision d = Decision.decide(h("d"), h("d"), h("d"), null);
    assertThat(d.action()).isEqualTo(Action.NOOP);
    assertThat(d.attributes()).isNull();
    assertThat(d.attributesOnly()).isFalse();
  }

  @Test
  void anOwnerIsShownByNameAndByNumberWhenThisMachineHasNoName() {
    AttributeChange both =
        new AttributeChange(new ModeAndOwner(0600, 4000000, 0), new ModeAndOwner(0644, 0, 0));
    assertThat(both.describe()).isEqualTo("mode 0600 → 0644; owner 4000000:root → root:root");
    assertThat(both.describeFound())
        .isEqualTo("mode 0600 (netroot sets 0644); owner 4000000:root (netroot sets root:root)");
  }
}
