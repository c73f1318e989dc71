package io.netroot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.netroot.os.RootFs;
import io.netroot.state.Backups;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code agent backups}: list the copies kept of overwritten hand edits, or restore one. */
@Command(
    name = "backups",
    mixinStandardHelpOptions = true,
    description = {
      "List or restore the copies netroot kept of hand-edited files it overwrote.",
      "Before overwriting or removing a file whose managed part netroot did not write, netroot",
      "copies it under <root>/var/lib/netroot/backups/. --restore puts one back (the current file",
      "is backed up first)."
    })
final class BackupsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--root",
      paramLabel = "DIR",
      description = "The root prefix the backups belong to (default: /).")
  Path root;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Option(names = "--restore", paramLabel = "ID", description = "Restore the backup with this id.")
  String restore;

  @Option(
      names = "--path",
      paramLabel = "PATH",
      description = "With --restore: which file of that backup (when it holds several).")
  String path;

  @Override
  public Integer call() throws Exception {
    Backups backups =
        new Backups(root == null ? RootFs.system() : new RootFs(root), Clock.systemUTC());
    PrintWriter out = spec.commandLine().getOut();
    if (restore != null) {
      Backups.Entry entry = backups.restore(restore, path);
      out.println(
          "restored "
              + entry.path()
              + " from backup "
              + entry.id()
              + " (taken "
              + entry.time()
              + ")");
      out.println("the next apply reverts it to the specs unless the specs change; see agent plan");
      return ExitCodes.OK;
    }
    // a torn index line is skipped and logged as a warning; JSON readers get it in "warnings"
    Backups.Index index = backups.read();
    List<Backups.Entry> entries = index.entries();
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("format_version", "1.0");
      doc.put("backups", entries);
      doc.put("warnings", index.warnings());
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
      return ExitCodes.OK;
    }
    if (entries.isEmpty()) {
      out.println("no backups");
      return ExitCodes.OK;
    }
    out.printf("%-20s  %-20s  %s%n", "ID", "TAKEN", "PATH: WHY");
    for (Backups.Entry e : entries) {
      String taken = e.time().length() > 19 ? e.time().substring(0, 19) + "Z" : e.time();
      out.printf("%-20s  %-20s  %s: %s%n", e.id(), taken, e.path(), e.reason());
    }
    return ExitCodes.OK;
  }
}
