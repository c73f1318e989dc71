package io.netroot.importer;

import io.netroot.NetrootException;
import io.netroot.importer.ImportReport.Section;
import io.netroot.spec.SpecError;
import io.netroot.spec.SpecInvalidException;
import io.netroot.spec.SpecLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * netroot's own checks on what the import would write: the documents are written into a staging
 * directory and loaded with {@link SpecLoader}, as netroot will load them. Each error names a line,
 * and so a document and field ({@link SpecYaml#fieldAt}); a refused optional value (a menu title or
 * label, the NFS versions) is left out, an export netroot calls too wide is acknowledged as the
 * server has it, and any other refused document is left out with netroot's message. Until the specs
 * load.
 */
final class SpecCheck {

  /** The files written, by the kind of their documents, in this order. */
  static final Map<String, String> FILES = files();

  private static Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("BootServer", "server.yaml");
    files.put("Network", "networks.yaml");
    files.put("Kernel", "kernels.yaml");
    files.put("RootImage", "rootimages.yaml");
    files.put("Export", "exports.yaml");
    files.put("Profile", "profiles.yaml");
    files.put("Host", "hosts.yaml");
    return java.util.Collections.unmodifiableMap(files);
  }

  private static final String HEADER =
      "Written by agent import from the boot server under %s.\n"
          + "Read IMPORT-REPORT.md: what could not be expressed, and what apply will change.";

  private final ImportContext ctx;
  private final Path staging;
  private final String source;
  private final Map<String, SpecYaml> written = new LinkedHashMap<>();

  SpecCheck(ImportContext ctx, Path staging, String source) {
    this.ctx = ctx;
    this.staging = staging;
    this.source = source;
  }

  /** The files of the last round, by name. */
  Map<String, SpecYaml> written() {
    return written;
  }

  /**
   * Writes and loads the documents once.
   *
   * @return whether they loaded; when not, the documents are changed for the next round
   * @throws NetrootException when an error cannot be tied to a document the import may change
   */
  boolean round() {
    write();
    try {
      SpecLoader.load(staging);
      return true;
    } catch (SpecInvalidException e) {
      for (SpecError error : e.errors()) {
        adjust(error);
      }
      return false;
    }
  }

  private void write() {
    written.clear();
    try {
      for (String name : FILES.values()) {
        Files.deleteIfExists(staging.resolve(name));
      }
      for (Map.Entry<String, String> kind : FILES.entrySet()) {
        List<SpecDoc> docs =
            ctx.documents().stream().filter(d -> d.kind().equals(kind.getKey())).toList();
        if (docs.isEmpty()) {
          continue;
        }
        SpecYaml yaml = new SpecYaml(String.format(HEADER, source));
        docs.forEach(yaml::document);
        Files.writeString(staging.resolve(kind.getValue()), yaml.text(), StandardCharsets.UTF_8);
        written.put(kind.getValue(), yaml);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void adjust(SpecError error) {
    Path file = Path.of(error.position().file()).getFileName();
    SpecYaml yaml = file == null ? null : written.get(file.toString());
    SpecYaml.Place place = yaml == null ? null : yaml.fieldAt(error.position().line());
    if (place == null) {
      throw new NetrootException(
          "the imported specs do not load, and the import cannot tell which"
              + " document is at fault (please report this): "
              + error);
    }
    SpecDoc doc = place.doc();
    String field = place.field();
    // the loader names the document first: the report names it its own way
    String message = error.message().replaceFirst("^" + doc.kind() + " \"[^\"]*\": ", "");
    if (doc.kind().equals("BootServer")) {
      String path = optionalServerField(field);
      if (path == null) {
        throw new NetrootException("the imported BootServer does not load: " + error);
      }
      ctx.serverRemoved.add(path);
      doc.remove(path);
      ctx.report.add(
          path.startsWith("pxe.") ? Section.DROPPED : Section.NOT_IMPORTED,
          doc.origin(),
          "BootServer " + path + ": " + message);
    } else if (doc.kind().equals("Profile") && message.startsWith("booted by ")) {
      // what the server offers does not suit the hosts booting it; the profile itself is fine
      for (SpecDoc host : ctx.hosts.values()) {
        if (host.dropped() == null && doc.name().equals(host.get("profile"))) {
          host.drop("its profile " + doc.name() + " is " + message);
        }
      }
    } else if (doc.kind().equals("Profile") && field.equals("spec.menuLabel")) {
      doc.remove("menuLabel");
      ctx.report.add(Section.DROPPED, doc.origin(), "MENU LABEL of " + doc.name() + ": " + message);
    } else if (doc.kind().equals("Export") && message.contains("acknowledgeInsecure")) {
      doc.put(
          "acknowledgeInsecure",
          Boolean.TRUE,
          "the server exports it so; netroot refuses it unless acknowledged");
      ctx.report.add(
          Section.NOTES,
          doc.origin(),
          "acknowledgeInsecure: true on Export " + doc.name() + ", because " + message);
    } else {
      doc.drop(message);
    }
  }

  /** The BootServer field an error is about when the import may leave it out, else null. */
  private static String optionalServerField(String field) {
    for (String optional :
        List.of(
            "pxe.title", "pxe.timeout", "pxe.default", "nfs.versions", "nfs.udp", "nfs.confFile")) {
      if (field.equals("spec." + optional) || field.startsWith("spec." + optional + ".")) {
        return optional;
      }
    }
    return null;
  }
}
