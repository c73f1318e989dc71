package io.netroot.os;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code dhcpd -t} printed, cut to what a person needs: without ISC's banner and closing
 * advice, each message with the line of the file it quotes and its caret, and a message that comes
 * back for every lease of a range ({@code lease 10.0.0.101 is declared twice!}) shown once with the
 * number of its repeats. At most {@link #MAX_MESSAGES} different messages are shown.
 */
final class DhcpdCheckOutput {

  /** The most different messages shown; the rest are counted. */
  static final int MAX_MESSAGES = 5;

  private static final List<String> BANNER =
      List.of(
          "Internet Systems Consortium DHCP Server",
          "Copyright ",
          "All rights reserved.",
          "For info, please visit");

  /** {@code FILE line N: MESSAGE}: dhcpd quotes the line and marks the place under it. */
  private static final Pattern AT_LINE = Pattern.compile(".* line \\d+: .*");

  private static final Pattern CARET = Pattern.compile("\\s*\\^\\s*");

  private static final Pattern NUMBER = Pattern.compile("\\d+");

  private DhcpdCheckOutput() {}

  /**
   * @param output what dhcpd printed on stdout and stderr
   * @param file the candidate's path in that output, shown as {@code shownAs}
   * @param exitCode dhcpd's exit code, said when it printed nothing else
   */
  static String summarize(String output, String file, String shownAs, int exitCode) {
    List<String> lines = output.replace(file, shownAs).lines().toList();
    Map<String, Message> messages = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("Configuration file errors encountered")) {
        break; // what follows is ISC's advice on reporting bugs
      }
      if (line.isBlank() || BANNER.stream().anyMatch(line::startsWith)) {
        continue;
      }
      List<String> quoted = new ArrayList<>();
      if (AT_LINE.matcher(line).matches() && i + 1 < lines.size()) {
        quoted.add(lines.get(++i));
        if (i + 1 < lines.size() && CARET.matcher(lines.get(i + 1)).matches()) {
          quoted.add(lines.get(++i));
        }
      }
      String shape = NUMBER.matcher(line).replaceAll("#");
      messages.computeIfAbsent(shape, s -> new Message(line, quoted)).repeats++;
    }
    if (messages.isEmpty()) {
      return "dhcpd printed no reason (exit code " + exitCode + ")";
    }
    List<String> shown = new ArrayList<>();
    int index = 0;
    for (Message message : messages.values()) {
      if (index++ == MAX_MESSAGES) {
        shown.add("(and " + (messages.size() - MAX_MESSAGES) + " other messages)");
        break;
      }
      shown.add(message.first);
      shown.addAll(message.quoted);
      if (message.repeats > 1) {
        shown.add("(the same for " + (message.repeats - 1) + " more)");
      }
    }
    return String.join("\n", shown);
  }

  /** dhcpd's warnings ({@code Warning: …}), each once, without the word. */
  static List<String> warnings(String output) {
    return output
        .lines()
        .filter(line -> line.startsWith(WARNING))
        .map(line -> line.substring(WARNING.length()).strip())
        .distinct()
        .toList();
  }

  private static final String WARNING = "Warning:";

  /** {@code subnet 10.0.0.0/24 overlaps subnet 10.0.0.0/8}. */
  private static final Pattern OVERLAP = Pattern.compile("subnet (\\S+) overlaps subnet (\\S+)");

  /** {@code subnet 10.0.0.0 netmask 255.255.255.0} in dhcpd.conf. */
  private static final Pattern SUBNET =
      Pattern.compile("(?m)^\\s*subnet\\s+([0-9.]+)\\s+netmask\\s+([0-9.]+)");

  /**
   * The refusal for an overlap warning that names a subnet of {@code ownPart}, netroot's block:
   * another declaration overlaps one of the specs' networks.
   */
  static Optional<String> overlapWithOwn(List<String> warnings, String ownPart) {
    Set<String> own = new HashSet<>();
    Matcher subnet = SUBNET.matcher(ownPart);
    while (subnet.find()) {
      own.add(subnet.group(1) + "/" + prefixLength(subnet.group(2)));
    }
    for (String warning : warnings) {
      Matcher overlap = OVERLAP.matcher(warning);
      if (overlap.find() && (own.contains(overlap.group(1)) || own.contains(overlap.group(2)))) {
        return Optional.of(
            "dhcpd warns: "
                + warning
                + " — a subnet declared outside netroot's block overlaps a network of the specs;"
                + " remove that declaration, or describe it in the specs");
      }
    }
    return Optional.empty();
  }

  private static int prefixLength(String netmask) {
    int bits = 0;
    for (String part : netmask.split("\\.")) {
      bits += Integer.bitCount(Integer.parseInt(part) & 0xff);
    }
    return bits;
  }

  private static final class Message {
    final String first;
    final List<String> quoted;
    int repeats;

    Message(String first, List<String> quoted) {
      this.first = first;
      this.quoted = quoted;
    }
  }
}
