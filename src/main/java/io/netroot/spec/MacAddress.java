package io.netroot.spec;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An Ethernet MAC address, kept lowercase with colons: {@code 08:00:2b:4c:59:23}.
 *
 * @param text the normalised form
 */
public record MacAddress(String text) {

  private static final Pattern FORM =
      Pattern.compile("[0-9a-f]{2}([:-])[0-9a-f]{2}(\\1[0-9a-f]{2}){4}");

  /** Accepts colons or dashes, any case; throws {@link IllegalArgumentException} otherwise. */
  public static MacAddress parse(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (!FORM.matcher(lower).matches()) {
      throw new IllegalArgumentException(
          "not a MAC address: \"" + text + "\" (expected six hex pairs such as 08:00:2b:4c:59:23)");
    }
    return new MacAddress(lower.replace('-', ':'));
  }

  /** The name pxelinux looks for: {@code 01-08-00-2b-4c-59-23} (ARP type 1, dashes). */
  public String pxelinuxConfigName() {
    return "01-" + text.replace(':', '-');
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MacAddress mac && mac.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
