package io.netroot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.os.Sha256;
import org.junit.jupiter.api.Test;

class DecisionTest {

  /** A hash standing for the content named {@code name}. */
  static Sha256 h(String name) {
    return Sha256.of(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void sameAsDesiredIsNoChangeWhateverWasLastApplied() {
    assertThat(Decision.decide(h("d"), h("d"), null).action()).isEqualTo(Action.NOOP);
    assertThat(Decision.decide(h("d"), h("d"), h("d")).action()).isEqualTo(Action.NOOP);
    assertThat(Decision.decide(h("d"), h("d"), h("old")).action()).isEqualTo(Action.NOOP);
  }

  @Test
  void absentIsCreatedAndCountsAsHandEditOnlyWhenNetrootHadWrittenIt() {
    Decision fresh = Decision.decide(h("d"), null, null);
    assertThat(fresh.action()).isEqualTo(Action.CREATE);
    assertThat(fresh.handEdit()).isFalse();

    Decision removed = Decision.decide(h("d"), null, h("d"));
    assertThat(removed.action()).isEqualTo(Action.CREATE);
    assertThat(removed.handEdit()).isTrue();
    assertThat(removed.reason()).contains("removed by hand");
  }

  @Test
  void specChangeIsNotAHandEdit() {
    Decision d = Decision.decide(h("new"), h("old"), h("old"));
    assertThat(d.action()).isEqualTo(Action.UPDATE);
    assertThat(d.handEdit()).isFalse();
    assertThat(d.specChange()).isTrue();
    assertThat(d.conflict()).isFalse();
    assertThat(d.reason()).isEqualTo("spec changed");
  }

  @Test
  void handEditIsToldApartFromSpecChange() {
    Decision d = Decision.decide(h("d"), h("edited"), h("d"));
    assertThat(d.action()).isEqualTo(Action.UPDATE);
    assertThat(d.handEdit()).isTrue();
    assertThat(d.specChange()).isFalse();
    assertThat(d.reason()).contains("edited by hand");
  }

  @Test
  void handEditAndSpecChangeTogetherIsAConflict() {
    Decision d = Decision.decide(h("new"), h("edited"), h("old"));
    assertThat(d.conflict()).isTrue();
    assertThat(d.reason()).startsWith("conflict");
  }

  @Test
  void existingContentNetrootNeverWroteIsAdoptedWithABackup() {
    Decision d = Decision.decide(h("d"), h("theirs"), null);
    assertThat(d.action()).isEqualTo(Action.UPDATE);
    assertThat(d.handEdit()).isFalse();
    assertThat(d.reason()).contains("not written by netroot");
  }

  @Test
  void orphanIsDeletedAndHandEditedOrphanSaysSo() {
    assertThat(Decision.decideOrphan(h("x"), h("x")).action()).isEqualTo(Action.DELETE);
    assertThat(Decision.decideOrphan(h("x"), h("x")).handEdit()).isFalse();
    assertThat(Decision.decideOrphan(h("y"), h("x")).handEdit()).isTrue();
    assertThat(Decision.decideOrphan(null, h("x")).action()).isEqualTo(Action.NOOP);
  }
}
