package io.netroot.cli;

import io.netroot.catalog.Area;
import io.netroot.engine.Action;
import io.netroot.engine.Report;
import io.netroot.engine.ResourceResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How a plan of a whole fleet stays readable on a terminal: a summary per kind first, and the
 * changes of the same shape (the PXE files of 997 new hosts) folded after the first few, with a
 * line saying how many more there are. {@code --full}, JSON and output that is not a terminal show
 * everything.
 */
final class FleetView {

  /** Changes of one shape shown before the rest are folded. */
  static final int SHOWN = 3;

  /** Fewer changes than this are shown whole, and without a summary. */
  static final int FOLD_FROM = 10;

  private static final Pattern HOST_NAME = Pattern.compile("(host )\\S+");

  private FleetView() {}

  /**
   * What a change is like, with what only tells one host from another left out: the action, the
   * description without the host's name and the directory of the file.
   */
  static String shape(ResourceResult r) {
    String path = r.path();
    String dir = path.substring(0, Math.max(0, path.lastIndexOf('/') + 1));
    return r.action().word()
        + " "
        + HOST_NAME.matcher(r.description()).replaceAll("$1*")
        + " in "
        + dir;
  }

  /**
   * The changes in order, split into the ones shown and, per shape with more than {@link #SHOWN},
   * how many are folded after the last one shown.
   */
  static Folded fold(List<ResourceResult> changes) {
    Map<String, List<ResourceResult>> byShape = new LinkedHashMap<>();
    for (ResourceResult r : changes) {
      byShape.computeIfAbsent(shape(r), k -> new ArrayList<>()).add(r);
    }
    List<ResourceResult> shown = new ArrayList<>();
    Map<ResourceResult, String> foldAfter = new LinkedHashMap<>();
    for (ResourceResult r : changes) {
      List<ResourceResult> same = byShape.get(shape(r));
      int index = same.indexOf(r);
      if (same.size() <= SHOWN + 1 || index < SHOWN) {
        shown.add(r);
        if (same.size() > SHOWN + 1 && index == SHOWN - 1) {
          foldAfter.put(r, (same.size() - SHOWN) + " more: " + shape(r));
        }
      }
    }
    return new Folded(shown, foldAfter);
  }

  /**
   * The changes shown and the fold lines.
   *
   * @param shown the changes listed, in order
   * @param foldAfter after which shown change a fold line comes, and its text
   */
  record Folded(List<ResourceResult> shown, Map<ResourceResult, String> foldAfter) {}

  /**
   * One line per kind with changes: {@code tftp: 1000 to create, 1 to update}. The pass's own
   * words: {@code to create} in a plan, {@code created} in an apply.
   */
  static List<String> summaryByKind(Report report, boolean dry) {
    Map<Area, Map<Action, Integer>> counts = new EnumMap<>(Area.class);
    Map<Area, Integer> handEdits = new EnumMap<>(Area.class);
    for (ResourceResult r : report.changes()) {
      Area area = Area.of(r.id(), report.layout());
      counts
          .computeIfAbsent(area, a -> new EnumMap<>(Action.class))
          .merge(r.action(), 1, Integer::sum);
      if (r.handEdit()) {
        handEdits.merge(area, 1, Integer::sum);
      }
    }
    List<String> lines = new ArrayList<>();
    counts.forEach(
        (area, byAction) -> {
          List<String> parts = new ArrayList<>();
          byAction.forEach(
              (action, n) -> parts.add(n + (dry ? " to " + action.word() : " " + past(action))));
          int edits = handEdits.getOrDefault(area, 0);
          if (edits > 0) {
            parts.add(edits + " hand edit" + (edits == 1 ? "" : "s"));
          }
          lines.add(String.format("  %-8s %s", area.word() + ":", String.join(", ", parts)));
        });
    return lines;
  }

  /** More hosts changing than this gives the plan a summary per host. */
  static final int FEW_HOSTS = 3;

  /** Host names listed on one line of the summary per host before the rest are counted. */
  static final int NAMES_SHOWN = 5;

  /**
   * The summary per host, when more than {@link #FEW_HOSTS} hosts change: the hosts grouped by what
   * changes for each ({@code 1000 hosts, 2 to create each: node00000, node00001, node00002,
   * node00003, node00004, … and 995 more}), the largest group first. A host's part is what belongs
   * to it alone (its PXE files); its lines in the DHCP configuration are the DHCP file's change.
   * Empty for a few hosts: the list of changes already names them.
   */
  static List<String> summaryByHost(Report report, boolean dry) {
    Map<String, Map<Action, Integer>> byHost = new TreeMap<>();
    Map<String, Integer> handEdits = new java.util.HashMap<>();
    for (ResourceResult r : report.changes()) {
      String host = r.provenance().host();
      if (host == null) {
        continue;
      }
      byHost
          .computeIfAbsent(host, h -> new EnumMap<>(Action.class))
          .merge(r.action(), 1, Integer::sum);
      if (r.handEdit()) {
        handEdits.merge(host, 1, Integer::sum);
      }
    }
    if (byHost.size() <= FEW_HOSTS) {
      return List.of();
    }
    Map<String, List<String>> hostsByChange = new LinkedHashMap<>();
    byHost.forEach(
        (host, actions) -> {
          List<String> parts = new ArrayList<>();
          actions.forEach(
              (action, n) -> parts.add(n + (dry ? " to " + action.word() : " " + past(action))));
          int edits = handEdits.getOrDefault(host, 0);
          if (edits > 0) {
            parts.add(edits + " hand edit" + (edits == 1 ? "" : "s"));
          }
          hostsByChange.computeIfAbsent(String.join(", ", parts), k -> new ArrayList<>()).add(host);
        });
    List<String> lines = new ArrayList<>();
    lines.add("By host: " + byHost.size() + " hosts " + (dry ? "change" : "changed"));
    hostsByChange.entrySet().stream()
        .sorted((a, b) -> b.getValue().size() - a.getValue().size())
        .forEach(
            e -> {
              List<String> hosts = e.getValue();
              String names =
                  hosts.size() <= NAMES_SHOWN + 1
                      ? String.join(", ", hosts)
                      : String.join(", ", hosts.subList(0, NAMES_SHOWN))
                          + ", … and "
                          + (hosts.size() - NAMES_SHOWN)
                          + " more";
              lines.add(
                  String.format(
                      "  %d host%s, %s%s: %s",
                      hosts.size(),
                      hosts.size() == 1 ? "" : "s",
                      e.getKey(),
                      hosts.size() == 1 ? "" : " each",
                      names));
            });
    return lines;
  }

  private static String past(Action action) {
    return switch (action) {
      case CREATE -> "created";
      case UPDATE -> "updated";
      case ADOPT -> "adopted";
      case DELETE -> "deleted";
      case NOOP -> "unchanged";
    };
  }
}
