package io.netroot.adopt;

import io.netroot.adopt.DhcpScopes.Setting;
import io.netroot.adopt.DhcpScopes.State;
import io.netroot.adopt.DhcpdTree.Node;
import io.netroot.spec.Ipv4;
import io.netroot.spec.MacAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a boot server means to the machines it boots, read from its files and normalised so that two
 * servers written differently compare equal when they boot the same: for each subnet and each host
 * declaration, what dhcpd hands a BIOS and an x86-64 UEFI PXE client (address, host name, next
 * server, boot file, routers, name servers, domain) and what that client then boots ({@link
 * PxelinuxBoot}); each pxelinux menu a client can reach (its unattended entry, its timeout, its
 * entries); each exported path with its clients' options as sets. Comments, order, spelling and
 * whatever netroot adds for itself (markers, notices) do not count.
 *
 * <p>It is a map of objects ({@code host 08:00:2b:4c:59:23}, {@code subnet 10.0.0.0/24}, {@code
 * menu pxelinux.cfg/default}, {@code export /srv/root}, {@code nfsd} for the {@code [nfsd]} keys of
 * nfs.conf) to fields and their values, so that {@link #differences} can say exactly which field of
 * which object differs, as {@code OBJECT FIELD}.
 */
public final class ServerMeaning {

  /** The DHCP parameters compared, by their field names. */
  private static final Map<String, String> PARAMETERS =
      Map.of(
          "routers", "option routers",
          "dns", "option domain-name-servers",
          "domain", "option domain-name",
          "next-server", "next-server",
          "host-name", "option host-name");

  private final SortedMap<String, SortedMap<String, String>> objects;

  private ServerMeaning(SortedMap<String, SortedMap<String, String>> objects) {
    this.objects = objects;
  }

  /**
   * One difference.
   *
   * @param key {@code OBJECT FIELD}, or {@code OBJECT} when the object is on one side only
   * @param before the value on the first server, {@code null} when it has none
   * @param after the value on the second server, {@code null} when it has none
   */
  public record Difference(String key, String before, String after) {

    /** For people: {@code host 08:…: host-name: (not set) → mylaptop}. */
    @Override
    public String toString() {
      return key
          + ": "
          + (before == null ? "(none)" : before)
          + " -> "
          + (after == null ? "(none)" : after);
    }
  }

  /** Reads a server under a root prefix. */
  public static ServerMeaning read(ServerFiles files, ServerLocations where) {
    SortedMap<String, SortedMap<String, String>> objects = new TreeMap<>();
    DhcpScopes scopes = new DhcpScopes(DhcpdTree.read(files, where.dhcpdConf()));
    PxelinuxBoot boot = new PxelinuxBoot(files, where.tftpRoot());
    TreeSet<String> prefixes = new TreeSet<>();
    for (Node subnet : scopes.subnets()) {
      String key =
          "subnet "
              + DhcpScopes.cidr(subnet).map(Object::toString).orElse(subnet.statement().head());
      SortedMap<String, String> fields = object(objects, key);
      fields.put("range", ranges(subnet));
      client(fields, scopes, boot, null, subnet, null, null, prefixes);
    }
    Map<MacAddress, Integer> declared = new TreeMap<>((a, b) -> a.text().compareTo(b.text()));
    for (Node host : scopes.hosts()) {
      MacAddress mac = DhcpScopes.mac(host).orElse(null);
      String key =
          mac != null ? "host " + mac.text() : "host " + host.word(1).orElse("?") + " (no MAC)";
      SortedMap<String, String> fields = object(objects, key);
      Ipv4 ip = DhcpScopes.fixedAddress(host).orElse(null);
      fields.put("ip", ip != null ? ip.toString() : fixedAddressText(host));
      Node subnet = ip != null ? scopes.subnetOf(ip) : host.enclosing("subnet");
      client(fields, scopes, boot, host, subnet, mac, ip, prefixes);
      if (mac != null) {
        int n = declared.merge(mac, 1, Integer::sum);
        fields.put("declarations", String.valueOf(n));
      }
    }
    if (boot.config("pxelinux.cfg/default").isPresent()) {
      prefixes.add("");
    }
    for (String prefix : prefixes) {
      String path = prefix + "pxelinux.cfg/default";
      SortedMap<String, String> fields = object(objects, "menu " + path);
      boot.config(path)
          .ifPresentOrElse(
              config -> {
                fields.put("unattended", boot.unattended(prefix, config));
                fields.put(
                    "timeout", String.valueOf(PxelinuxBoot.number(config.global("TIMEOUT"), 0)));
                for (PxelinuxConfig.Label label : config.labels()) {
                  fields.putIfAbsent("label " + label.name(), boot.entry(prefix, config, label));
                }
              },
              () -> fields.put("file", "absent"));
    }
    exports(files, objects);
    NfsConf nfs = NfsConf.read(files);
    nfs.nfsd()
        .forEach(
            (key, setting) -> {
              Boolean flag = nfs.flag(key);
              object(objects, "nfsd").put(key, flag == null ? setting.value() : flag ? "y" : "n");
            });
    return new ServerMeaning(objects);
  }

  private static void client(
      SortedMap<String, String> fields,
      DhcpScopes scopes,
      PxelinuxBoot boot,
      Node host,
      Node subnet,
      MacAddress mac,
      Ipv4 ip,
      TreeSet<String> prefixes) {
    DhcpClient bios = new DhcpClient(mac, ip, DhcpClient.BIOS);
    PARAMETERS.forEach(
        (field, param) -> {
          if (host != null || !field.equals("host-name")) {
            fields.put(field, scopes.setting(bios, host, subnet, param).shown());
          }
        });
    for (DhcpClient c : List.of(bios, new DhcpClient(mac, ip, DhcpClient.UEFI))) {
      Setting file = scopes.setting(c, host, subnet, "filename");
      String path = file.state() == State.SET ? PxelinuxBoot.tftpPath(file.value()) : null;
      fields.put(
          "filename " + c.firmware(),
          file.state() == State.SET && path != null ? path : file.shown());
      String boots =
          file.state() == State.SET
              ? boot.boots(file.value(), mac, ip)
              : file.state() == State.UNKNOWN ? "?" : "no boot file";
      fields.put("boots " + c.firmware(), boots);
      if (PxelinuxBoot.isPxelinux(path)) {
        prefixes.add(PxelinuxBoot.prefix(path));
      }
    }
  }

  private static String ranges(Node subnet) {
    List<String> out = new ArrayList<>();
    for (Node n : subnet.children()) {
      if (!n.block() && n.keyword().equals("range")) {
        out.add(
            String.join(" ", n.statement().words().stream().skip(1).map(w -> w.text()).toList()));
      }
    }
    for (Node pool : subnet.blocksBelow()) {
      if (pool.keyword().equals("pool")) {
        for (Node n : pool.all("range")) {
          out.add(
              "pool "
                  + String.join(
                      " ", n.statement().words().stream().skip(1).map(w -> w.text()).toList()));
        }
      }
    }
    out.sort(null);
    return out.isEmpty() ? "(none)" : String.join("; ", out);
  }

  private static String fixedAddressText(Node host) {
    List<Node> fixed = host.all("fixed-address");
    return fixed.isEmpty() ? "(none)" : fixed.get(0).statement().head();
  }

  private static void exports(
      ServerFiles files, SortedMap<String, SortedMap<String, String>> objects) {
    for (String file : ServerLocations.exportsFiles(files)) {
      String text = files.read(file).map(ServerFiles.Read::text).orElse("");
      for (ExportsFile.Entry entry : ExportsFile.parse(text).entries()) {
        SortedMap<String, String> fields =
            object(objects, "export " + ExportsAdoption.normal(entry.path()));
        fields.merge("lines", "1", (a, b) -> String.valueOf(Integer.parseInt(a) + 1));
        for (ExportsFile.Client client : entry.clients()) {
          fields.put("client " + client.match(), String.join(",", new TreeSet<>(client.options())));
        }
      }
    }
  }

  private static SortedMap<String, String> object(
      SortedMap<String, SortedMap<String, String>> objects, String key) {
    return objects.computeIfAbsent(key, k -> new TreeMap<>());
  }

  /** The objects and their fields. */
  public SortedMap<String, SortedMap<String, String>> objects() {
    return objects;
  }

  /** Every field that differs from {@code a} to {@code b}, and every object on one side only. */
  public static List<Difference> differences(ServerMeaning a, ServerMeaning b) {
    List<Difference> out = new ArrayList<>();
    TreeSet<String> keys = new TreeSet<>(a.objects.keySet());
    keys.addAll(b.objects.keySet());
    for (String key : keys) {
      SortedMap<String, String> before = a.objects.get(key);
      SortedMap<String, String> after = b.objects.get(key);
      if (before == null || after == null) {
        out.add(
            new Difference(
                key,
                before == null ? null : before.toString(),
                after == null ? null : after.toString()));
        continue;
      }
      TreeSet<String> fields = new TreeSet<>(before.keySet());
      fields.addAll(after.keySet());
      for (String field : fields) {
        String x = before.get(field);
        String y = after.get(field);
        if (x == null ? y != null : !x.equals(y)) {
          out.add(new Difference(key + " " + field, x, y));
        }
      }
    }
    return out;
  }
}
