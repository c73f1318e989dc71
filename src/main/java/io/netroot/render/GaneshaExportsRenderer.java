package io.netroot.render;

import io.netroot.spec.Export;
import io.netroot.spec.SpecSet;
import java.util.List;

/**
 * The netroot block of NFS-Ganesha's {@code ganesha.conf}: one {@code EXPORT} block per export, in
 * spec order, with the clients, access and squash of the exports(5) options that {@link
 * ExportsRenderer} writes for the kernel server.
 *
 * <ul>
 *   <li>{@code Export_Id} is the export's place in spec order, starting at 1 (0 is Ganesha's NFSv4
 *       pseudo root). Adding an export at the end keeps every other id; inserting one earlier
 *       renumbers the ones after it, which Ganesha picks up at its restart.
 *   <li>{@code Pseudo}, the export's place in the NFSv4 namespace, is its path.
 *   <li>The export itself grants nothing ({@code Access_Type = None}): only the listed clients get
 *       in, as with exports(5).
 *   <li>Each client gets a {@code CLIENT} block: {@code rw} gives {@code Access_Type = RW}, else
 *       {@code RO} (exports(5) defaults to {@code ro}); {@code no_root_squash} gives {@code
 *       No_Root_Squash}, {@code all_squash} {@code All_Squash}, else {@code Root_Squash} (the
 *       exports(5) default); {@code anonuid=} and {@code anongid=} become {@code Anonymous_Uid} and
 *       {@code Anonymous_Gid}. Other options ({@code sync}, {@code no_subtree_check}…) have no
 *       Ganesha counterpart and are left out.
 *   <li>A client written as a network with a netmask ({@code 10.0.0.0/255.255.255.0}) is written
 *       with a prefix length ({@code 10.0.0.0/24}), the only form Ganesha reads.
 * </ul>
 */
public final class GaneshaExportsRenderer {

  private final SpecSet specs;

  public GaneshaExportsRenderer(SpecSet specs) {
    this.specs = specs;
  }

  /** The lines inside the managed block of {@code ganesha.conf}, each ending with {@code \n}. */
  public String blockBody() {
    StringBuilder out = new StringBuilder(400 * specs.exports().size());
    int id = 1;
    for (Export export : specs.exports()) {
      out.append("EXPORT {\n");
      out.append("  Export_Id = ").append(id++).append(";\n");
      out.append("  Path = ").append(quote(export.path())).append(";\n");
      out.append("  Pseudo = ").append(quote(export.path())).append(";\n");
      out.append("  Protocols = 3, 4;\n");
      out.append("  Transports = TCP;\n");
      out.append("  Access_Type = None;\n");
      out.append("  Squash = Root_Squash;\n");
      out.append("  SecType = sys;\n");
      out.append("  FSAL {\n    Name = VFS;\n  }\n");
      for (Export.Client client : export.clients()) {
        appendClient(out, client);
      }
      out.append("}\n");
    }
    return out.toString();
  }

  private static void appendClient(StringBuilder out, Export.Client client) {
    List<String> options = client.options();
    out.append("  CLIENT {\n");
    out.append("    Clients = ").append(match(client.match())).append(";\n");
    out.append("    Access_Type = ").append(options.contains("rw") ? "RW" : "RO").append(";\n");
    String squash =
        options.contains("all_squash")
            ? "All_Squash"
            : options.contains("no_root_squash") ? "No_Root_Squash" : "Root_Squash";
    out.append("    Squash = ").append(squash).append(";\n");
    for (String option : options) {
      if (option.startsWith("anonuid=")) {
        out.append("    Anonymous_Uid = ").append(option.substring(8)).append(";\n");
      } else if (option.startsWith("anongid=")) {
        out.append("    Anonymous_Gid = ").append(option.substring(8)).append(";\n");
      }
    }
    out.append("  }\n");
  }

  /** {@code *}, an address, a host name, or a network as {@code ADDRESS/PREFIX}. */
  static String match(String match) {
    int slash = match.indexOf('/');
    if (slash < 0 || match.indexOf('.', slash) < 0) {
      return match.equals("*") ? "\"*\"" : match;
    }
    String[] octets = match.substring(slash + 1).split("\\.");
    if (octets.length != 4) {
      return match;
    }
    long mask = 0;
    for (String octet : octets) {
      try {
        int value = Integer.parseInt(octet);
        if (value < 0 || value > 255) {
          return match;
        }
        mask = (mask << 8) | value;
      } catch (NumberFormatException e) {
        return match;
      }
    }
    int prefix = Long.bitCount(mask);
    long expected = prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
    return mask == expected ? match.substring(0, slash) + "/" + prefix : match;
  }

  /** A Ganesha string: in double quotes, with {@code "} and {@code \} escaped by a backslash. */
  static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.append('"').toString();
  }
}
