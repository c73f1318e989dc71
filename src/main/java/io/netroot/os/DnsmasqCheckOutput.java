package io.netroot.os;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code dnsmasq --test} printed, for a person: each line without the {@code dnsmasq:} prefix
 * and without its closing {@code syntax check OK.}, the candidate's temporary path shown as what it
 * stands for, and after a message that names a line ({@code bad dhcp-option at line 14 of FILE})
 * that line of the candidate. dnsmasq stops at its first error, so there is one.
 */
final class DnsmasqCheckOutput {

  private static final Pattern AT_LINE = Pattern.compile(" at line (\\d+) of ");

  private DnsmasqCheckOutput() {}

  /**
   * @param file the candidate's temporary path in the output, shown as {@code shownAs}
   * @param candidate the candidate's text, to quote the line a message names
   */
  static List<String> messages(String output, String file, String shownAs, String candidate) {
    List<String> shown = new ArrayList<>();
    for (String line : output.replace(file, shownAs).lines().toList()) {
      String message = line.startsWith("dnsmasq: ") ? line.substring(9) : line;
      if (message.isBlank() || message.strip().equals("syntax check OK.")) {
        continue;
      }
      shown.add(message.strip());
      Matcher at = AT_LINE.matcher(message);
      if (at.find()) {
        KeaCheckOutput.quotedLine(candidate, Integer.parseInt(at.group(1))).ifPresent(shown::add);
      }
    }
    return shown;
  }
}
