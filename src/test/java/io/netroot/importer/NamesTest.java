package io.netroot.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {

  @Test
  void aValidFreeNameIsKeptAnyOtherIsMadeValidAndUnique() {
    Names names = new Names();
    assertThat(names.choose("node01", "x")).isEqualTo(new Names.Chosen("node01", null));
    Names.Chosen again = names.choose("NODE01", "x");
    assertThat(again.name()).isEqualTo("NODE01-2");
    assertThat(again.guess()).contains("already in use");
    Names.Chosen odd = names.choose("Install CentOS 7!", "x");
    assertThat(odd.name()).isEqualTo("Install-CentOS-7");
    assertThat(odd.guess()).contains("is not a spec name");
    assertThat(names.choose("na\u00efve", "x").name()).isEqualTo("na-ve");
    assertThat(names.choose("\u00e9\u00e9", "fallback").name()).isEqualTo("fallback");
    assertThat(names.choose("y".repeat(100), "x").name()).hasSize(63);
    names.reserve("vmlinuz");
    assertThat(names.choose("vmlinuz", "x").name()).isEqualTo("vmlinuz-2");
  }
}
