package io.netroot.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** Menu text, kernel arguments and NFS options: accept and reject tables. */
class TextGrammarsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Debian bookworm, root over NFS",
        "Testing kernel (reboots on panic)",
        "netroot: bootsrv",
        "#1 ^Stable",
        "a \"quoted\" $word; `x` \\ 100%",
        "x"
      })
  void printableAsciiMenuTextIsAccepted(String text) {
    assertThat(MenuText.problem(text)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "Stable\nKERNEL evil",
        "Stable\r\nKERNEL evil",
        "Stable\tkernel",
        "Stable\u0000",
        "Stable\u001b[2J",
        "Stable\u0085",
        "Stable\u2028KERNEL evil",
        "Débian",
        "Stable \u202e"
      })
  void menuTextThatIsNotOnePrintableAsciiLineIsRefused(String text) {
    assertThat(MenuText.problem(text)).isNotNull();
  }

  @Test
  void menuTextIsAtMost80Characters() {
    assertThat(MenuText.problem("x".repeat(80))).isNull();
    assertThat(MenuText.problem("x".repeat(81))).contains("at most 80");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"text", "ro", "console=ttyS0,115200", "panic=10", "root=/dev/nfs", "a=b=c", "x'y"})
  void printableKernelArgumentsAreAccepted(String argument) {
    assertThat(BootArguments.kernelArgProblem(argument)).isNull();
    assertThat(kernelArgs(argument)).containsExactly(argument);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "quiet splash",
        "quiet\nKERNEL",
        "quiet\rx",
        "quiet\tx",
        "x\u0000",
        "x\u2028",
        "x=\"a",
        "é"
      })
  void kernelArgumentsWithControlsWhitespaceQuotesOrNonAsciiAreRefused(String argument) {
    assertThat(kernelArgs(argument)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "tcp",
        "vers=3",
        "vers=4.2",
        "proto=tcp",
        "nolock",
        "sec=krb5:krb5i",
        "rsize=32768"
      })
  void nfsMountOptionsAreAccepted(String option) {
    assertThat(BootArguments.nfsOptionProblem(option)).isNull();
    assertThat(nfsOptions(option)).containsExactly(option);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "tcp,vers=3",
        "vers=3)",
        "vers=3(",
        "vers=",
        "=3",
        "vers=3\nKERNEL",
        "a\"b",
        "x;y",
        "x#y",
        "x=a b",
        "x=$(id)"
      })
  void nfsOptionsThatAreNotWordOrWordEqualsValueAreRefused(String option) {
    assertThat(nfsOptions(option)).isEmpty();
  }

  private static List<String> kernelArgs(String value) {
    return BootArguments.kernelArgs(context(), List.of(scalar(value)));
  }

  private static List<String> nfsOptions(String value) {
    return BootArguments.nfsOptions(context(), List.of(scalar(value)));
  }

  private static DocumentContext context() {
    return new DocumentContext(java.nio.file.Path.of("t.yaml"), new ArrayList<>());
  }

  static Scalar scalar(String value) {
    return new Scalar(
        value, new ScalarNode(Tag.STR, value, ScalarStyle.DOUBLE_QUOTED), "spec.field");
  }
}
