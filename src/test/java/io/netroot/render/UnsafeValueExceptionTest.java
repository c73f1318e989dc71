package io.netroot.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.NetrootException;
import org.junit.jupiter.api.Test;

class UnsafeValueExceptionTest {

  @Test
  void controlCharactersAndQuotesAreShownAsEscapesSoTheMessageIsOneLine() {
    assertThat(UnsafeValueException.quote("a\nb\rc\td\0e\u2028f\"g\\h\u0085"))
        .isEqualTo("\"a\\nb\\rc\\td\\u0000e\\u2028f\\\"g\\\\h\\u0085\"");
  }

  @Test
  void aLongValueIsCut() {
    assertThat(UnsafeValueException.quote("x".repeat(200)))
        .isEqualTo("\"" + "x".repeat(80) + "…\"");
  }

  @Test
  void itIsANetrootExceptionNamingPositionDocumentFieldAndValue() {
    UnsafeValueException e =
        UnsafeValueException.refuse(
            HostileSpecs.export("/srv/a\"b"),
            "spec.path",
            "/srv/a\"b",
            "ganesha.conf",
            "a double quote would end the string");

    assertThat(e).isInstanceOf(NetrootException.class);
    assertThat(e.getMessage())
        .isEqualTo(
            "exports.yaml:1:1: Export \"e\": spec.path \"/srv/a\\\"b\" cannot be written into"
                + " ganesha.conf: a double quote would end the string");
  }
}
