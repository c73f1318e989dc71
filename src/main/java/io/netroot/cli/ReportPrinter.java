package io.netroot.cli;

import io.netroot.engine.Action;
import io.netroot.engine.Drift;
import io.netroot.engine.Report;
import io.netroot.engine.ResourceResult;
import io.netroot.engine.ServiceResult;
import io.netroot.engine.Unexpected;
import io.netroot.os.RootFs;
import java.io.PrintWriter;
import java.util.List;

/** Shows a report as text for people, or hands it to {@link JsonReport}. */
final class ReportPrinter {

  private final PrintWriter out;
  private final RootFs root;
  private final OutputOptions options;

  ReportPrinter(PrintWriter out, RootFs root, OutputOptions options) {
    this.out = out;
    this.root = root;
    this.options = options;
  }

  void print(String command, Report report) {
    if (options.json) {
      out.println(JsonReport.plan(command, root, report));
      out.flush();
      return;
    }
    boolean dry = report.options().dryRun();
    out.println(header(command, report));
    out.println();
    Colours colours = new Colours(options.colours());
    List<ResourceResult> changes = report.changes();
    boolean fold = options.folds() && changes.size() >= FleetView.FOLD_FROM;
    FleetView.Folded folded =
        fold ? FleetView.fold(changes) : new FleetView.Folded(changes, java.util.Map.of());
    if (fold) {
      out.println("By kind:");
      FleetView.summaryByKind(report, dry).forEach(out::println);
      out.println();
      List<String> byHost = FleetView.summaryByHost(report, dry);
      if (!byHost.isEmpty()) {
        byHost.forEach(out::println);
        out.println();
      }
    }
    for (ResourceResult r : folded.shown()) {
      out.printf(
          "  %s %-6s %s  %s: %s%s%n",
          colours.symbol(symbol(r.action())),
          r.action().word(),
          r.path(),
          r.description(),
          r.reason(),
          backupNote(r));
      String more = folded.foldAfter().get(r);
      if (more != null) {
        out.printf("  … %s (--full lists them)%n", more);
      }
    }
    for (ResourceResult r : report.failures()) {
      out.printf(
          "  ! %-6s %s  %s: %s%n",
          r.status().untouched() ? "block" : "FAIL", r.path(), r.description(), r.error());
    }
    for (Unexpected u : report.unexpected()) {
      String verb = u.pruned() ? (dry ? "prune" : "pruned") : "extra";
      out.printf(
          "  ? %-6s %s  not produced by any spec%s%n",
          verb,
          u.path(),
          u.pruned()
              ? (u.backup() != null ? " [backup " + u.backup().id() + "]" : "")
              : " (apply --prune removes it)");
    }
    printPassNotes(dry, report);
    for (ServiceResult s : report.services()) {
      out.printf(
          "  > %s%s  (changed: %s)%n",
          serviceWord(s), s.action().describe(), String.join(", ", s.causes()));
    }
    if (changes.isEmpty()
        && report.failures().isEmpty()
        && report.unexpected().isEmpty()
        && report.leftovers().isEmpty()
        && report.errors().isEmpty()) {
      out.println("  nothing to change: the boot server matches the specs");
    }
    if (!options.noDiff) {
      for (ResourceResult r : folded.shown()) {
        // a file set to its mode and owner in place has no content diff to show
        String diff = r.attributesOnly() ? "" : Diffs.planned(r);
        if (options.folds()) {
          diff = DiffFold.fold(diff);
        }
        if (!diff.isEmpty()) {
          out.println();
          out.print(colours.diff(diff));
        }
        String more = folded.foldAfter().get(r);
        if (more != null) {
          out.println();
          out.printf("… the diffs of %s (--full shows them)%n", more);
        }
      }
    }
    out.println();
    out.println(summary(dry, report));
    out.flush();
  }

  void printDrift(Report report) {
    if (options.json) {
      out.println(JsonReport.drift(root, report));
      out.flush();
      return;
    }
    List<ResourceResult> edits = report.handEdits();
    out.println("netroot drift: " + where() + ", compared with what netroot last applied");
    if (report.hasDrift() || report.hasFailures()) {
      out.println();
    }
    for (ResourceResult r : edits) {
      out.printf("  ~ %s  %s: %s%n", r.path(), r.description(), driftNote(r));
    }
    for (Unexpected u : report.unexpected()) {
      out.printf("  ? %s  not produced by any spec (apply --prune removes it)%n", u.path());
    }
    for (ResourceResult r : report.failures()) {
      out.printf("  ! %s  %s: %s%n", r.path(), r.description(), r.error());
    }
    printPassNotes(true, report);
    if (!options.noDiff) {
      for (ResourceResult r : edits) {
        String diff = r.contentEdited() ? Diffs.handEdit(r) : "";
        if (options.folds()) {
          diff = DiffFold.fold(diff);
        }
        if (!diff.isEmpty()) {
          out.println();
          out.print(diff);
        }
      }
    }
    out.println();
    if (!report.hasDrift()) {
      out.println("No drift: every managed file is as netroot last wrote it.");
    } else {
      out.printf(
          "Drift: %d hand edit%s, %d unexpected file%s. `agent apply` reverts the edits (keeping backups).%n",
          edits.size(),
          edits.size() == 1 ? "" : "s",
          report.unexpected().size(),
          report.unexpected().size() == 1 ? "" : "s");
    }
    out.flush();
  }

  /** Temporary files an interrupted run left, and what went right or wrong for the whole pass. */
  private void printPassNotes(boolean dry, Report report) {
    List<String> leftovers = report.leftovers();
    for (String path : leftovers.subList(0, Math.min(leftovers.size(), SHOWN_LEFTOVERS))) {
      out.printf(
          "  %s temp   %s  left by an interrupted run%s%n",
          dry ? "?" : "-", path, dry ? ", removed by the next apply" : "; removed");
    }
    if (leftovers.size() > SHOWN_LEFTOVERS) {
      out.printf("  … and %d more temporary files%n", leftovers.size() - SHOWN_LEFTOVERS);
    }
    report.warnings().forEach(w -> out.printf("  warning: %s%n", w));
    report.errors().forEach(e -> out.printf("  ! error  %s%n", e));
  }

  private static final int SHOWN_LEFTOVERS = 20;

  /** What changed by hand: the content, the mode and owner, or both. */
  private static String driftNote(ResourceResult r) {
    if (r.drift() == Drift.REMOVED) {
      return "removed by hand";
    }
    String content = r.drift() == Drift.EDITED ? "edited by hand" : "changed by hand";
    return r.attributes() == null ? content : content + ": " + r.attributes().describeFound();
  }

  private String header(String command, Report report) {
    String services = report.touchesServices() ? "" : "; services are not touched";
    return "netroot "
        + command
        + ": "
        + where()
        + services
        + "\nplatform: "
        + report.layout().preset()
        + (report.options().scope().all()
            ? ""
            : "\nscope: "
                + report.options().scope().describe()
                + " and what it needs: "
                + report.resources().size()
                + " resources; the others are not looked at");
  }

  private String where() {
    return root.isPrefix() ? "root prefix " + root.dir() : "this machine (/)";
  }

  private static String backupNote(ResourceResult r) {
    if (r.backup() != null) {
      return " [backup " + r.backup().id() + "]";
    }
    return r.keepsBackup() ? " (a backup will be kept)" : "";
  }

  private static String symbol(Action action) {
    return switch (action) {
      case CREATE -> "+";
      case UPDATE -> "~";
      case ADOPT -> "*";
      case DELETE -> "-";
      case NOOP -> " ";
    };
  }

  private static String serviceWord(ServiceResult s) {
    return switch (s.status()) {
      case PLANNED -> "would ";
      case NOT_TOUCHED -> "not touched under --root: would ";
      case FAILED -> "FAILED: " + s.error() + ": ";
      default -> "did ";
    };
  }

  private static String summary(boolean dry, Report report) {
    String verb = dry ? "Plan" : "Applied";
    String s =
        String.format(
            "%s: %d to create, %d to update, %d to delete, %d unchanged",
            verb,
            report.count(Action.CREATE),
            report.count(Action.UPDATE),
            report.count(Action.DELETE),
            report.unchanged());
    if (!dry) {
      s = s.replace(" to ", " ");
      s = s.replace("create", "created").replace("update", "updated").replace("delete", "deleted");
    }
    long adopted = report.count(Action.ADOPT);
    if (adopted > 0) {
      s += "; " + adopted + (dry ? " to adopt" : " adopted") + " from outside the block";
    }
    long edits = report.handEdits().size();
    if (edits > 0) {
      s += "; " + edits + " hand edit" + (edits == 1 ? "" : "s");
    }
    int failed = report.failures().size() + report.errors().size();
    if (failed > 0) {
      s += "; " + failed + " failed or blocked";
    }
    return s + ".";
  }
}
