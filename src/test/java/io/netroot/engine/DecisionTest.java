package io.netroot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecisionTest {

  @Test
  void sameAsDesiredIsNoChangeWhateverWasLastApplied() {
    assertThat(Decision.decide("d", "d", null).action()).isEqualTo(Action.NOOP);
    assertThat(Decision.decide("d", "d", "d").action()).isEqualTo(Action.NOOP);
    assertThat(Decision.decide("d", "d", "old").action()).isEqualTo(Action.NOOP);
  }

  @Test
  void absentIsCreatedAndCountsAsHandEditOnlyWhenNetrootHadWrittenIt() {
    Decision fresh = Decision.decide("d", null, null);
    assertThat(fresh.action()).isEqualTo(Action.CREATE);
    assertThat(fresh.handEdit()).isFalse();

    Decision removed = Decision.decide("d", null, "d");
    assertThat(removed.action()).isEqualTo(Action.CREATE);
    assertThat(removed.handEdit()).isTrue();
    assertThat(removed.reason()).contains("removed by hand");
  }

  @Test
  void specChangeIsNotAHandEdit() {
    Decision d = Decision.decide("new", "old", "old");
    assertThat(d.action()).isEqualTo(Action.UPDATE);
    assertThat(d.handEdit()).isFalse();
    assertThat(d.specChange()).isTrue();
    assertThat(d.conflict()).isFalse();
    assertThat(d.reason()).isEqualTo("spec changed");
  }

  @Test
  void handEditIsToldApartFromSpecChange() {
    Decision d = Decision.decide("d", "edited", "d");
    assertThat(d.action()).isEqualTo(Action.UPDATE);
    assertThat(d.handEdit()).isTrue();
    assertThat(d.specChange()).isFalse();
    assertThat(d.reason()).contains("edited by hand");
  }

  @Test
  void handEditAndSpecChangeTogetherIsAConflict() {
    Decision d = Decision.decide("new", "edited", "old");
    assertThat(d.conflict()).isTrue();
    assertThat(d.reason()).startsWith("conflict");
  }

  @Test
  void existingContentNetrootNeverWroteIsAdoptedWithABackup() {
    Decision d = Decision.decide("d", "theirs", null);
    assertThat(d.action()).isEqualTo(Action.UPDATE);
    assertThat(d.handEdit()).isFalse();
    assertThat(d.reason()).contains("not written by netroot");
  }

  @Test
  void orphanIsDeletedAndHandEditedOrphanSaysSo() {
    assertThat(Decision.decideOrphan("x", "x").action()).isEqualTo(Action.DELETE);
    assertThat(Decision.decideOrphan("x", "x").handEdit()).isFalse();
    assertThat(Decision.decideOrphan("y", "x").handEdit()).isTrue();
    assertThat(Decision.decideOrphan(null, "x").action()).isEqualTo(Action.NOOP);
  }
}
