package io.netroot.os;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code kea-dhcp4 -t} printed, cut to what a person needs: Kea's log lines (time, level,
 * logger, message id) are dropped, but for the text of its warnings; its verdict ({@code Syntax
 * check failed with: …}, {@code Error encountered: …}) is kept, the candidate's temporary path
 * shown as what it stands for, followed by the candidate's line it names ({@code FILE:17.3-14} or
 * {@code FILE:285:5}). A second {@code subnet4} or {@code client-classes} beside netroot's block
 * gets a word on what to do. At most {@link #MAX_MESSAGES} messages are shown.
 */
final class KeaCheckOutput {

  /** The most messages shown; the rest are counted. */
  static final int MAX_MESSAGES = 5;

  /** The longest quoted line of the candidate; longer ones are cut. */
  static final int MAX_QUOTED = 120;

  /** {@code 2026-11-30 04:15:12.623 WARN [kea-dhcp4.dhcp4/3740.1399…] CODE text}. */
  private static final Pattern LOG_LINE =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d+ +([A-Z]+) +\\[[^\\]]*\\] +\\S+ ?(.*)");

  private static final List<String> VERDICTS =
      List.of("Syntax check failed with: ", "Error encountered: ");

  private static final Pattern DUPLICATE =
      Pattern.compile("duplicate (subnet4|client-classes) entries in Dhcp4 map");

  private KeaCheckOutput() {}

  /**
   * @param output what kea-dhcp4 printed on stdout and stderr
   * @param file the candidate's path in that output, shown as {@code shownAs}
   * @param candidate the candidate's text, to quote the lines the messages name
   * @param exitCode kea-dhcp4's exit code, said when it printed no verdict
   */
  static String summarize(
      String output, String file, String shownAs, String candidate, int exitCode) {
    Set<String> messages = new LinkedHashSet<>();
    List<String> errorLogs = new ArrayList<>();
    for (String line : output.replace(file, shownAs).lines().toList()) {
      Matcher log = LOG_LINE.matcher(line);
      if (log.matches()) {
        if (log.group(1).equals("ERROR") || log.group(1).equals("FATAL")) {
          errorLogs.add(log.group(2).strip());
        }
        continue;
      }
      String verdict = line.strip();
      for (String prefix : VERDICTS) {
        if (verdict.startsWith(prefix)) {
          verdict = verdict.substring(prefix.length());
        }
      }
      if (!verdict.isEmpty()) {
        messages.add(verdict);
      }
    }
    if (messages.isEmpty()) {
      // no verdict: what Kea logged as errors is the reason
      messages.addAll(errorLogs);
    }
    if (messages.isEmpty()) {
      return "kea-dhcp4 printed no reason (exit code " + exitCode + ")";
    }
    List<String> shown = new ArrayList<>();
    Pattern at = Pattern.compile(Pattern.quote(shownAs) + ":(\\d+)[.:]");
    int index = 0;
    for (String message : messages) {
      if (index++ == MAX_MESSAGES) {
        shown.add("(and " + (messages.size() - MAX_MESSAGES) + " other messages)");
        break;
      }
      shown.add(message);
      Matcher line = at.matcher(message);
      if (line.find()) {
        quotedLine(candidate, Integer.parseInt(line.group(1))).ifPresent(shown::add);
      }
      if (DUPLICATE.matcher(message).find()) {
        shown.add(
            "netroot's block declares subnet4 and client-classes: remove the file's own (Debian's"
                + " sample kea-dhcp4.conf has both), and describe its subnets in the specs");
      }
    }
    return String.join("\n", shown);
  }

  /** The text of Kea's warnings ({@code WARN} log lines), each once, without time and id. */
  static List<String> warnings(String output, String file, String shownAs) {
    Set<String> warnings = new LinkedHashSet<>();
    for (String line : output.replace(file, shownAs).lines().toList()) {
      Matcher log = LOG_LINE.matcher(line);
      if (log.matches() && log.group(1).equals("WARN")) {
        warnings.add(log.group(2).strip());
      }
    }
    return List.copyOf(warnings);
  }

  /** {@code line N: TEXT} of the candidate, cut to {@value #MAX_QUOTED} characters; or empty. */
  static Optional<String> quotedLine(String candidate, int number) {
    List<String> lines = candidate.lines().toList();
    if (number < 1 || number > lines.size()) {
      return Optional.empty();
    }
    String text = lines.get(number - 1).strip();
    if (text.length() > MAX_QUOTED) {
      text = text.substring(0, MAX_QUOTED) + "…";
    }
    return Optional.of("  line " + number + ": " + text);
  }
}
