package io.netroot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.netroot.NetrootException;
import io.netroot.catalog.BackupLimits;
import io.netroot.daemon.Settings;
import io.netroot.os.RootFs;
import io.netroot.os.WriterLock;
import io.netroot.spec.BootServer;
import io.netroot.spec.Durations;
import io.netroot.spec.SpecLoader;
import io.netroot.state.BackupRetention;
import io.netroot.state.Backups;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
      "Before overwriting or removing a file whose managed part netroot did not write, netroot "
          + "copies it under <root>/var/lib/netroot/backups/. --restore puts one back (the current file "
          + "is backed up first). --prune-old removes old copies as apply does after taking new ones: "
          + "per file, those beyond the newest --keep and those older than --max-age; the newest copy of "
          + "each file is always kept."
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

  @Option(
      names = "--prune-old",
      description =
          "Remove old copies: the limits are --keep and --max-age, else agent.backups of the"
              + " BootServer spec in --specs, else 20 per file and 90 days.")
  boolean pruneOld;

  @Option(
      names = "--keep",
      paramLabel = "N",
      description = "With --prune-old: the most copies kept of one file (1 or more).")
  Integer keep;

  @Option(
      names = "--max-age",
      paramLabel = "DURATION",
      description = "With --prune-old: remove copies older than this (30d, 12h), but each newest.")
  String maxAge;

  @Option(
      names = "--specs",
      paramLabel = "DIR",
      defaultValue = "/etc/netroot/specs",
      description =
          "With --prune-old: specs whose agent.backups gives the limits, when the directory"
              + " exists (default: ${DEFAULT-VALUE}).")
  Path specs;

  @Override
  public Integer call() throws Exception {
    RootFs rootFs = root == null ? RootFs.system() : new RootFs(root);
    Backups backups = new Backups(rootFs, Clock.systemUTC());
    PrintWriter out = spec.commandLine().getOut();
    if (pruneOld) {
      return prune(rootFs, out);
    }
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

  private Integer prune(RootFs rootFs, PrintWriter out) throws Exception {
    if (restore != null) {
      throw new NetrootException("--prune-old and --restore cannot be used together");
    }
    BackupLimits limits = limits();
    List<Backups.Entry> removed;
    try (WriterLock lock = WriterLock.acquire(rootFs, Settings.DEFAULT_LOCK_TIMEOUT)) {
      removed = new BackupRetention(rootFs, Clock.systemUTC()).prune(limits);
    }
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("format_version", "1.0");
      doc.put("keep", limits.keep());
      doc.put("max_age", age(limits.maxAge()));
      doc.put("removed", removed);
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
      return ExitCodes.OK;
    }
    for (Backups.Entry e : removed) {
      out.printf("removed %s  %s%n", e.id(), e.path());
    }
    out.printf(
        "removed %d old backup%s (keeping %d per file, for %s; each file's newest always)%n",
        removed.size(), removed.size() == 1 ? "" : "s", limits.keep(), age(limits.maxAge()));
    return ExitCodes.OK;
  }

  /** An age as the settings write it: {@code 90d} rather than {@code 2160h}. */
  private static String age(Duration age) {
    long days = age.toDays();
    return days > 0 && age.equals(Duration.ofDays(days)) ? days + "d" : Durations.format(age);
  }

  /** The flags, else the specs' agent.backups, else the defaults. */
  private BackupLimits limits() {
    BackupLimits base = BackupLimits.DEFAULT;
    if (keep == null || maxAge == null) {
      if (Files.isDirectory(specs)) {
        BootServer server = SpecLoader.load(specs).server();
        base =
            BackupLimits.of(
                server == null || server.agent() == null ? null : server.agent().backups());
      }
    }
    if (keep != null && keep < 1) {
      throw new NetrootException("--keep " + keep + " keeps no copy; use 1 or more");
    }
    Duration age = base.maxAge();
    if (maxAge != null) {
      try {
        age = Durations.parse(maxAge);
      } catch (IllegalArgumentException e) {
        throw new NetrootException("--max-age " + e.getMessage());
      }
      if (age.isZero()) {
        throw new NetrootException("--max-age must be longer than 0");
      }
    }
    return new BackupLimits(keep != null ? keep : base.keep(), age);
  }
}
