package io.netroot.engine;

import static io.netroot.engine.DecisionTest.h;
import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.catalog.AttributeChange;
import io.netroot.os.ModeAndOwner;
import org.junit.jupiter.api.Test;

/** A block or keys that a file people wrote does not hold yet: an update of that file. */
class DecisionMissingPartTest {

  @Test
  void aBlockAddedToAFileThatIsThereIsAnUpdateNotACreate() {
    Decision d = Decision.decide(h("block"), null, null, null, "block");
    assertThat(d.action()).isEqualTo(Action.UPDATE);
    assertThat(d.reason()).isEqualTo("adds netroot's block to the existing file");
    assertThat(d.drift()).isEqualTo(Drift.NONE);
    assertThat(d.specChange()).isFalse();
    assertThat(d.contentChanges()).isTrue();
  }

  @Test
  void keysNoneOfWhichIsSetAreAddedNotADifferenceNetrootNeverWrote() {
    Decision d = Decision.decide(h("udp=n\n"), h(""), null, null, "keys");
    assertThat(d.action()).isEqualTo(Action.UPDATE);
    assertThat(d.reason()).isEqualTo("adds netroot's keys to the existing file");
    assertThat(d.drift()).isEqualTo(Drift.NONE);
  }

  @Test
  void withoutTheFileTheBlockIsCreatedAsBefore() {
    Decision d = Decision.decide(h("block"), null, null, null, null);
    assertThat(d.action()).isEqualTo(Action.CREATE);
    assertThat(d.reason()).isEqualTo("new");
  }

  @Test
  void aBlockRemovedByHandFromAFileThatIsThereIsAnUpdateAndAHandEdit() {
    Decision d = Decision.decide(h("block"), null, h("block"), null, "block");
    assertThat(d.action()).isEqualTo(Action.UPDATE);
    assertThat(d.drift()).isEqualTo(Drift.REMOVED);
    assertThat(d.reason()).isEqualTo("removed by hand since the last apply");
  }

  @Test
  void theFilesModeIsFixedWithTheBlockAdded() {
    AttributeChange worldWritable =
        new AttributeChange(new ModeAndOwner(0666, 0, 0), new ModeAndOwner(0644, 0, 0));
    Decision d = Decision.decide(h("block"), null, null, worldWritable, "block");
    assertThat(d.action()).isEqualTo(Action.UPDATE);
    assertThat(d.attributesOnly()).isFalse();
    assertThat(d.handEdit()).isFalse();
    assertThat(d.reason()).isEqualTo("adds netroot's block to the existing file; mode 0666 → 0644");
  }

  @Test
  void noKeysWantedAndNoneSetIsNoChange() {
    assertThat(Decision.decide(h(""), h(""), null, null, "keys").action()).isEqualTo(Action.NOOP);
  }
}
