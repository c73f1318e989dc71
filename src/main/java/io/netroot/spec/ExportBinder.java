package io.netroot.spec;

import static io.netroot.spec.Schema.Type.BOOL;
import static io.netroot.spec.Schema.Type.LIST;
import static io.netroot.spec.Schema.Type.STRING;
import static io.netroot.spec.Schema.listOf;
import static io.netroot.spec.Schema.optional;
import static io.netroot.spec.Schema.required;

import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Binds {@code kind: Export}: an absolute path and at least one client. */
final class ExportBinder implements KindBinder {

  private static final Schema CLIENT =
      Schema.of("an Export client", required("match", STRING), optional("options", LIST));
  private static final Schema SPEC =
      Schema.of(
          "Export spec",
          required("path", STRING),
          required("clients", listOf(CLIENT)),
          optional("acknowledgeInsecure", BOOL));

  @Override
  public Schema spec() {
    return SPEC;
  }

  @Override
  public SpecDocument bind(DocumentContext ctx, MappingReader spec) {
    String path = Grammar.check(ctx, spec.scalar("path"), ServerPath.ownDirectory("an export"));
    List<MappingReader> clientReaders = spec.mappings("clients");
    if (spec.node("clients") instanceof SequenceNode list && list.getValue().isEmpty()) {
      ctx.error(
          spec.node("clients"),
          spec.child("clients")
              + " is empty; add at least one client, e.g. - {match: 10.0.0.0/24, options: [rw]}");
    }
    List<Export.Client> clients = new ArrayList<>();
    for (MappingReader client : clientReaders) {
      String match = ExportOptions.match(ctx, client.scalar("match"));
      List<String> options = ExportOptions.check(ctx, client.strings("options"));
      if (match != null) {
        clients.add(new Export.Client(match, options));
      }
    }
    Boolean acknowledge = spec.bool("acknowledgeInsecure");
    return new Export(ctx.name(), path, clients, acknowledge != null && acknowledge, ctx.origin());
  }
}
