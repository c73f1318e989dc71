package io.netroot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.netroot.NetrootException;
import io.netroot.importer.ImportReport;
import io.netroot.importer.ImportResult;
import io.netroot.importer.Importer;
import io.netroot.spec.Ipv4;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code agent import}: write specs describing a boot server built by hand. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Read a boot server built by hand (dhcpd.conf, exports, the TFTP root's pxelinux.cfg,"
          + " nfs.conf) and write specs that mean the same, with IMPORT-REPORT.md listing what"
          + " could not be expressed and what apply will change. Nothing on the server is"
          + " changed."
    })
final class ImportCommand implements Callable<Integer> {

  @Option(
      names = "--root",
      paramLabel = "DIR",
      defaultValue = "/",
      description = "The server's files are under DIR (default: /). No link leads out of it.")
  Path root;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      required = true,
      description = "Where to write the specs; created if missing.")
  Path out;

  @Option(
      names = "--dhcpd-conf",
      paramLabel = "PATH",
      description = "dhcpd.conf's path on the server (default: /etc/dhcp/dhcpd.conf).")
  String dhcpdConf;

  @Option(
      names = "--tftp-root",
      paramLabel = "PATH",
      description =
          "The TFTP root on the server (default: TFTP_DIRECTORY of /etc/default/tftpd-hpa, else"
              + " /var/lib/tftpboot).")
  String tftpRoot;

  @Option(
      names = "--address",
      paramLabel = "IP",
      description = "The boot server's address (default: the next-server dhcpd hands out).")
  String address;

  @Option(names = "--force", description = "Replace the files of an earlier import in --out.")
  boolean force;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Ipv4 ip = null;
    if (address != null) {
      try {
        ip = Ipv4.parse(address);
      } catch (IllegalArgumentException e) {
        throw new NetrootException("--address " + address + ": " + e.getMessage());
      }
    }
    for (String path : new String[] {dhcpdConf, tftpRoot}) {
      if (path != null && !path.startsWith("/")) {
        throw new NetrootException(path + " is not an absolute path on the server");
      }
    }
    ImportResult result =
        Importer.run(new Importer.Options(root, out, dhcpdConf, tftpRoot, ip, force));
    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      w.println(
          new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(document(result)));
    } else {
      w.println(result.summary());
      w.println("Specs: " + result.specs());
      w.println("Report: " + result.reportFile());
      w.println(
          "Next: read the report, then `agent plan --specs "
              + result.specs()
              + "` shows what apply would do; it adopts the declarations the specs now own.");
    }
    w.flush();
    return ExitCodes.OK;
  }

  private static Map<String, Object> document(ImportResult result) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("format_version", "1.0");
    doc.put("specs", result.specs().toString());
    doc.put("report", result.reportFile().toString());
    doc.put("counts", result.counts());
    Map<String, Object> sections = new LinkedHashMap<>();
    for (ImportReport.Section section : ImportReport.Section.values()) {
      List<Map<String, Object>> items = new ArrayList<>();
      for (ImportReport.Item item : result.report().items(section)) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("where", item.where());
        i.put("text", item.text());
        if (!item.covers().isEmpty()) {
          i.put("changes", item.covers());
        }
        items.add(i);
      }
      sections.put(section.name().toLowerCase(Locale.ROOT), items);
    }
    doc.put("items", sections);
    return doc;
  }
}
