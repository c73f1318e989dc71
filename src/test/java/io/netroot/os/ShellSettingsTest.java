package io.netroot.os;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShellSettingsTest {

  @Test
  void theLastAssignmentWinsItsQuotesRemovedCommentsIgnored() {
    String text =
        "# TFTP_USERNAME=\"nobody\"\nTFTP_USERNAME=tftp\n  TFTP_USERNAME='boot' \nX=\"a b\"\n";
    assertThat(ShellSettings.value(text, "TFTP_USERNAME")).contains("boot");
    assertThat(ShellSettings.value(text, "X")).contains("a b");
    assertThat(ShellSettings.value(text, "TFTP")).isEmpty();
    assertThat(ShellSettings.value("EMPTY=\"\"\n", "EMPTY")).contains("");
  }
}
