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
 *
 * <p>Every value is data, never syntax. {@code Path} and {@code Pseudo} are double-quoted strings
 * that may not hold a quote, a backslash, a line break or other control character, a semicolon or a
 * brace. {@code Clients} cannot be quoted (Ganesha 4 rejects a quoted client: "Expected a client,
 * got a double quoted string"), so each is written bare and may only hold the characters of an
 * address, a network, a host name, a netgroup or a wildcard. {@code Anonymous_Uid} and {@code
 * Anonymous_Gid} are numbers (Ganesha rejects quoted ones too), written in decimal after checking
 * that they are one: a leading {@code 0} would make Ganesha read octal where exports(5) reads
 * decimal. A value that does not fit is refused with an {@link UnsafeValueException}.
 */
public final class GaneshaExportsRenderer {

  private final SpecSet specs;

  public GaneshaExportsRenderer(SpecSet specs) {
    this.specs = specs;
  }

  /**
   * The lines inside the managed block of {@code ganesha.conf}, each ending with {@code \n}.
   *
   * @throws UnsafeValueException when a path, client or anonymous id cannot be written as data
   */
  public String blockBody() {
    StringBuilder out = new StringBuilder(400 * specs.exports().size());
    int id = 1;
    for (Export export : specs.exports()) {
      out.append("EXPORT {\n");
      out.append("  Export_Id = ").append(id++).append(";\n");
      String path = quote(GaneshaValues.string(export, "spec.path", export.path()));
      out.append("  Path = ").append(path).append(";\n");
      out.append("  Pseudo = ").append(path).append(";\n");
      out.append("  Protocols = 3, 4;\n");
      out.append("  Transports = TCP;\n");
      out.append("  Access_Type = None;\n");
      out.append("  Squash = Root_Squash;\n");
      out.append("  SecType = sys;\n");
      out.append("  FSAL {\n    Name = VFS;\n  }\n");
      List<Export.Client> clients = export.clients();
      for (int i = 0; i < clients.size(); i++) {
        appendClient(out, export, "spec.clients." + i, clients.get(i));
      }
      out.append("}\n");
    }
    return out.toString();
  }

  private static void appendClient(
      StringBuilder out, Export export, String field, Export.Client client) {
    List<String> options = client.options();
    String clients =
        GaneshaValues.client(export, field + ".match", client.match(), match(client.match()));
    out.append("  CLIENT {\n");
    out.append("    Clients = ").append(clients).append(";\n");
    out.append("    Access_Type = ").append(options.contains("rw") ? "RW" : "RO").append(";\n");
    String squash =
        options.contains("all_squash")
            ? "All_Squash"
            : options.contains("no_root_squash") ? "No_Root_Squash" : "Root_Squash";
    out.append("    Squash = ").append(squash).append(";\n");
    for (int i = 0; i < options.size(); i++) {
      String option = options.get(i);
      String optionField = field + ".options." + i;
      if (option.startsWith("anonuid=")) {
        out.append("    Anonymous_Uid = ")
            .append(GaneshaValues.anonymousId(export, optionField, option))
            .append(";\n");
      } else if (option.startsWith("anongid=")) {
        out.append("    Anonymous_Gid = ")
            .append(GaneshaValues.anonymousId(export, optionField, option))
            .append(";\n");
      }
    }
    out.append("  }\n");
  }

  /**
   * {@code *}, an address, a host name, or a network as {@code ADDRESS/PREFIX}. {@code *} stays
   * bare: Ganesha's lexer reads it as "any client", and rejects it quoted.
   */
  static String match(String match) {
    int slash = match.indexOf('/');
    if (slash < 0 || match.indexOf('.', slash) < 0) {
      return match;
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

  /**
   * A Ganesha string in double quotes. Values come through {@link GaneshaValues#string}, which
   * refuses quotes and backslashes, so there is nothing to escape.
   */
  static String quote(String value) {
    return '"' + value + '"';
  }
}
