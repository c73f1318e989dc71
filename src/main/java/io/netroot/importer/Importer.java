package io.netroot.importer;

import io.netroot.NetrootException;
import io.netroot.adopt.ServerFiles;
import io.netroot.adopt.ServerLocations;
import io.netroot.adopt.ServerMeaning;
import io.netroot.importer.ImportReport.Section;
import io.netroot.spec.Ipv4;
import io.netroot.spec.SpecLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code agent import}: reads a boot server built by hand under a root prefix and writes specs that
 * mean the same, with {@code IMPORT-REPORT.md} beside them. Nothing on the server is changed, and
 * nothing is copied from it: kernels are named where they are.
 *
 * <p>The steps: find the files ({@link ServerLocations}); read what the server means now ({@link
 * ServerMeaning}); decide the boot server's address; map subnets, pxelinux entries, hosts and
 * exports to documents, each left out with a reason when netroot cannot express it or could not
 * adopt it; follow on what leaving one out means for the others ({@link Cascade}); have netroot's
 * loader check the documents until they load ({@link SpecCheck}); report; write.
 */
public final class Importer {

  /** The report's file name: not {@code *.yaml}, so netroot never loads it as a spec. */
  public static final String REPORT = "IMPORT-REPORT.md";

  /** How many rounds of the loader's checks before giving up (each round leaves something out). */
  static final int MAX_ROUNDS = 200;

  private Importer() {}

  /**
   * What to import and where to write it.
   *
   * @param root the root prefix the server is under ({@code /} for this machine)
   * @param out the specs directory to write
   * @param dhcpdConf dhcpd.conf's server path, or {@code null} to look for it
   * @param tftpRoot the TFTP root's server path, or {@code null} to look for it
   * @param address the boot server's address, or {@code null} to read it
   * @param force whether files the import writes may be replaced
   */
  public record Options(
      Path root, Path out, String dhcpdConf, String tftpRoot, Ipv4 address, boolean force) {}

  /**
   * Imports.
   *
   * @throws NetrootException when the output is not free, the address cannot be found, or the specs
   *     would not load (a fault of the import)
   */
  public static ImportResult run(Options options) {
    Path out = options.out().toAbsolutePath().normalize();
    OutputDir.checkFree(out, options.force());
    ServerFiles files = new ServerFiles(options.root());
    ServerLocations where = ServerLocations.find(files, options.dhcpdConf(), options.tftpRoot());
    ImportContext ctx = new ImportContext(files, where);
    if (!ctx.scopes.tree().found()) {
      ctx.report.add(
          Section.NOTES, where.dhcpdConf(), "not read, so no subnet or host is imported");
    }
    ctx.scopes.tree().problems().forEach(p -> ctx.report.add(Section.NOTES, null, p));
    ServerMeaning before = ServerMeaning.read(files, where);
    ServerMapping server = new ServerMapping(ctx);
    server.address(options.address());
    new NetworkMapping(ctx).map();
    ProfileMapping profiles = new ProfileMapping(ctx);
    profiles.menu();
    HostMapping hosts = new HostMapping(ctx, profiles);
    hosts.map();
    ExportMapping exports = new ExportMapping(ctx);
    exports.map();
    exports.readOnlyImages();
    Cascade cascade = new Cascade(ctx);
    Path staging = OutputDir.staging(out);
    try {
      SpecCheck check = new SpecCheck(ctx, staging, files.rootDir().toString());
      for (int round = 1; ; round++) {
        cascade.run();
        server.document(exports.exportsFile);
        if (check.round()) {
          break;
        }
        if (round == MAX_ROUNDS) {
          throw new NetrootException(
              "the imported specs still do not load after " + round + " rounds");
        }
      }
      new ImportFindings(ctx, before, cascade).report(hosts);
      new Notes(ctx).report();
      Map<String, Integer> counts = counts(ctx);
      String summary = summary(counts, ctx.report, files.rootDir());
      Files.writeString(staging.resolve(REPORT), ctx.report.markdown(summary));
      OutputDir.publish(staging, out, options.force());
      SpecLoader.load(out);
      return new ImportResult(out, out.resolve(REPORT), counts, ctx.report, summary);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteTree(staging);
    }
  }

  private static Map<String, Integer> counts(ImportContext ctx) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String kind : SpecCheck.FILES.keySet()) {
      counts.put(kind, (int) ctx.documents().stream().filter(d -> d.kind().equals(kind)).count());
    }
    return counts;
  }

  private static String summary(Map<String, Integer> counts, ImportReport report, Path root) {
    StringBuilder s = new StringBuilder("Imported from ").append(root).append(": ");
    counts.forEach((kind, n) -> s.append(n).append(' ').append(kind).append(n == 1 ? ", " : "s, "));
    s.setLength(s.length() - 2);
    s.append(". ");
    for (Section section : Section.values()) {
      s.append(section.title()).append(": ").append(report.items(section).size()).append(". ");
    }
    return s.toString().strip();
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
