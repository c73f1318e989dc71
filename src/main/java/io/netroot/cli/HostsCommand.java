package io.netroot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.netroot.catalog.Selection;
import io.netroot.catalog.ServerLayout;
import io.netroot.os.RootFs;
import io.netroot.render.TftpLayout;
import io.netroot.spec.Firmware;
import io.netroot.spec.Host;
import io.netroot.spec.Kernel;
import io.netroot.spec.Profile;
import io.netroot.spec.SpecLoader;
import io.netroot.spec.SpecSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code agent hosts}: the hosts of the specs and how each boots, as {@code wwctl node list}. */
@Command(
    name = "hosts",
    mixinStandardHelpOptions = true,
    description = {
      "List the hosts of the specs: name, MAC address, IP address, profile, kernel, firmware, "
          + "the PXE files that boot it and when they were last written on the boot server.",
      "Reads the specs and the files' times only; changes nothing."
    })
final class HostsCommand implements Callable<Integer> {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  @Mixin SpecOptions options;
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print the hosts as a JSON document.")
  boolean json;

  @Option(
      names = "--host",
      paramLabel = "NAME",
      description = "Only hosts with this name; a glob such as node0* names several; repeatable.")
  List<String> hosts = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    SpecSet specs = SpecLoader.load(options.specs);
    RootFs root = options.rootFs();
    ServerLayout layout = ServerLayout.resolve(specs.server(), root);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Host host : specs.hosts()) {
      if (!Selection.matches(hosts, host.name())) {
        continue;
      }
      rows.add(row(specs, layout, root, host));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("hosts", rows);
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
    } else {
      print(out, rows);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static Map<String, Object> row(
      SpecSet specs, ServerLayout layout, RootFs root, Host host) {
    Profile profile = specs.profileOf(host);
    Kernel kernel = specs.kernelsByName().get(profile.kernel());
    Firmware firmware = host.firmwareWith(profile);
    List<String> pxeFiles = new ArrayList<>();
    if (firmware != Firmware.UEFI) {
      pxeFiles.add(layout.tftp(TftpLayout.hostConfig(host)));
    }
    if (firmware != Firmware.BIOS) {
      pxeFiles.add(layout.tftp(TftpLayout.EFI64 + "/" + TftpLayout.hostConfig(host)));
    }
    String changed = null;
    for (String file : pxeFiles) {
      Path onDisk = root.resolve(file);
      if (Files.isRegularFile(onDisk, LinkOption.NOFOLLOW_LINKS)) {
        try {
          String time =
              TIME.format(Files.getLastModifiedTime(onDisk, LinkOption.NOFOLLOW_LINKS).toInstant());
          changed = changed == null || time.compareTo(changed) > 0 ? time : changed;
        } catch (IOException e) {
          // gone since: shown as not written
        }
      }
    }
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", host.name());
    row.put("mac", host.mac().text());
    row.put("ip", host.ip() == null ? null : host.ip().toString());
    row.put("network", specs.networkOf(host) == null ? null : specs.networkOf(host).name());
    row.put("profile", profile.name());
    row.put("kernel", kernel == null ? profile.kernel() : kernel.name());
    row.put("firmware", firmware.yaml());
    row.put("pxe_files", pxeFiles);
    row.put("kernel_file", kernel == null ? null : layout.tftp(TftpLayout.kernelImage(kernel)));
    String initrd = kernel == null ? null : TftpLayout.kernelInitrd(kernel);
    row.put("initrd_file", initrd == null ? null : layout.tftp(initrd));
    row.put("changed", changed);
    return row;
  }

  private static void print(PrintWriter out, List<Map<String, Object>> rows) {
    String[] heads = {"NAME", "MAC", "IP", "PROFILE", "KERNEL", "FIRMWARE", "CHANGED (UTC)"};
    String[] keys = {"name", "mac", "ip", "profile", "kernel", "firmware", "changed"};
    int[] widths = new int[heads.length];
    for (int i = 0; i < heads.length; i++) {
      widths[i] = heads[i].length();
      for (Map<String, Object> row : rows) {
        widths[i] = Math.max(widths[i], cell(row, keys[i]).length());
      }
    }
    out.println(line(heads, widths));
    for (Map<String, Object> row : rows) {
      String[] cells = new String[keys.length];
      for (int i = 0; i < keys.length; i++) {
        cells[i] = cell(row, keys[i]);
      }
      out.println(line(cells, widths));
    }
    out.println(rows.size() + (rows.size() == 1 ? " host" : " hosts"));
  }

  private static String cell(Map<String, Object> row, String key) {
    Object value = row.get(key);
    if (value == null) {
      return key.equals("changed") ? "not written" : "-";
    }
    return value.toString();
  }

  private static String line(String[] cells, int[] widths) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      out.append(
          i == cells.length - 1 ? cells[i] : String.format("%-" + widths[i] + "s  ", cells[i]));
    }
    return out.toString().stripTrailing();
  }
}
