package io.netroot.importer;

import io.netroot.adopt.ExportsFile;
import io.netroot.adopt.ServerFiles;
import io.netroot.adopt.ServerLocations;
import io.netroot.importer.ImportReport.Section;
import io.netroot.importer.SpecDoc.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * exports(5) lines into Exports. netroot keeps its exports in one file ({@code nfs.exportsFile})
 * and adopts only the lines of that file: the import takes {@code /etc/exports} when it exports
 * anything, else the first drop-in that does, and leaves the other files' lines as they are.
 */
final class ExportMapping {

  private final ImportContext ctx;

  /** The exports file the BootServer names. */
  String exportsFile = ServerLocations.EXPORTS;

  ExportMapping(ImportContext ctx) {
    this.ctx = ctx;
  }

  void map() {
    Map<String, List<ExportsFile.Entry>> byFile = new HashMap<>();
    List<String> files = ServerLocations.exportsFiles(ctx.files);
    for (String file : files) {
      String text = ctx.files.read(file).map(ServerFiles.Read::text).orElse("");
      byFile.put(file, ExportsFile.parse(text).entries());
    }
    for (String file : files) {
      if (!byFile.get(file).isEmpty()) {
        exportsFile = file;
        break;
      }
    }
    for (String file : files) {
      if (file.equals(exportsFile)) {
        continue;
      }
      for (ExportsFile.Entry e : byFile.get(file)) {
        ctx.report.add(
            Section.NOT_IMPORTED,
            file + ":" + e.range().firstLine(),
            "export "
                + e.path()
                + " stays in "
                + file
                + ": netroot keeps its exports in one file, "
                + exportsFile);
      }
    }
    Map<String, SpecDoc> byPath = new HashMap<>();
    for (ExportsFile.Entry e : byFile.getOrDefault(exportsFile, List.of())) {
      String where = exportsFile + ":" + e.range().firstLine();
      String path = normal(e.path());
      SpecDoc first = byPath.get(path);
      if (first != null) {
        ctx.report.add(
            Section.CHANGES,
            where,
            "export "
                + path
                + " is exported again (first at "
                + first.origin()
                + "); netroot adopts both lines and writes the first one's clients",
            List.of("export " + path + "*"));
        continue;
      }
      String last = path.substring(path.lastIndexOf('/') + 1);
      Names.Chosen name = ctx.exportNames.choose(last, "export");
      SpecDoc doc =
          new SpecDoc(
              "Export",
              name.name(),
              name.guess() == null ? "named after its directory" : name.guess(),
              where);
      byPath.put(path, doc);
      ctx.exports.add(doc);
      doc.put("path", path);
      List<List<Field>> clients = new ArrayList<>();
      for (ExportsFile.Client c : e.clients()) {
        if (c.match().isEmpty()) {
          doc.drop(
              "it sets default options for its line (-OPTIONS or a bare (OPTIONS)), which an Export cannot express");
        }
        clients.add(List.of(new Field("match", c.match()), new Field("options", c.options())));
      }
      doc.put("clients", clients);
    }
  }

  /**
   * Marks read-only the root images that every export of them serves read-only ({@code ro}, or no
   * {@code rw}, exportfs's default): their fstab root line then says {@code ro}, as the clients can
   * only mount them.
   */
  @SuppressWarnings("unchecked")
  void readOnlyImages() {
    for (SpecDoc image : ctx.rootImages) {
      String path = (String) image.get("path");
      boolean covered = false;
      boolean writable = false;
      for (SpecDoc export : ctx.exports) {
        String exported = (String) export.get("path");
        if (export.dropped() == null
            && (path.equals(exported) || path.startsWith(exported + "/"))) {
          covered = true;
          for (List<Field> client : (List<List<Field>>) export.get("clients")) {
            writable |= ((List<String>) client.get(1).value()).contains("rw");
          }
        }
      }
      if (covered && !writable) {
        image.put("readOnly", Boolean.TRUE, "every export of it is read-only");
      }
    }
  }

  private static String normal(String path) {
    String p = path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
