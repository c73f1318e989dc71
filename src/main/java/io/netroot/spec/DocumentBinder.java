package io.netroot.spec;

import static io.netroot.spec.Schema.Type.MAP;
import static io.netroot.spec.Schema.Type.STRING;
import static io.netroot.spec.Schema.required;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Binds one YAML document: checks the envelope ({@code apiVersion}, {@code kind}, {@code
 * metadata.name}) and hands {@code spec} to the binder of its kind.
 */
final class DocumentBinder {

  static final String API_VERSION = "netroot/v1";

  /** The binder of each kind, in the order messages list the kinds; built once, never changed. */
  static final Map<String, KindBinder> BINDERS = binders();

  private static Map<String, KindBinder> binders() {
    Map<String, KindBinder> binders = new LinkedHashMap<>();
    binders.put("BootServer", new BootServerBinder());
    binders.put("Network", new NetworkBinder());
    binders.put("Kernel", new KernelBinder());
    binders.put("RootImage", new RootImageBinder());
    binders.put("Export", new ExportBinder());
    binders.put("Profile", new ProfileBinder());
    binders.put("Host", new HostBinder());
    return Collections.unmodifiableMap(binders);
  }

  static final Schema METADATA = Schema.of("metadata", required("name", STRING));

  /**
   * The fields of every document. {@code spec} is read against the schema of its kind's binder, so
   * its own nested schema here is empty.
   */
  static final Schema ENVELOPE =
      Schema.of(
          "a spec document",
          required("apiVersion", STRING),
          required("kind", STRING),
          required("metadata", METADATA),
          required("spec", MAP));

  private DocumentBinder() {}

  /**
   * Binds {@code root} and records the outcome in {@code catalog}.
   *
   * @param lineOffset the lines of {@code file} before the text {@code root} was composed from
   */
  static void bind(Path file, int lineOffset, Node root, List<SpecError> errors, Catalog catalog) {
    DocumentContext ctx = new DocumentContext(file, lineOffset, errors);
    if (!(root instanceof MappingNode mapping)) {
      ctx.error(
          root,
          "expected a mapping with apiVersion, kind, metadata and spec, found "
              + Nodes.describe(root));
      catalog.unreadable();
      return;
    }
    ctx.document(
        mapping.getValue().isEmpty()
            ? ctx.position(mapping)
            : ctx.position(mapping.getValue().get(0).getKeyNode()));
    String kind = peekKind(mapping);
    if (kind != null) {
      ctx.kind(kind);
      ctx.name(peekName(mapping));
    }
    MappingReader envelope = MappingReader.read(ctx, "", mapping, mapping, ENVELOPE);
    Scalar apiVersion = envelope.scalar("apiVersion");
    if (apiVersion != null && !apiVersion.value().equals(API_VERSION)) {
      ctx.error(
          apiVersion.node(),
          "apiVersion "
              + Text.quote(apiVersion.value())
              + " is not supported; write apiVersion: "
              + API_VERSION);
    }
    Scalar kindText = envelope.scalar("kind");
    if (kindText != null && kind == null) {
      ctx.error(
          kindText.node(),
          "unknown kind "
              + Text.quote(kindText.value())
              + Suggestions.didYouMean(kindText.value(), BINDERS.keySet())
              + "; the known kinds are "
              + String.join(", ", BINDERS.keySet()));
    }
    MappingReader metadata = envelope.mapping("metadata");
    String name = Values.name(ctx, metadata.scalar("name"));
    if (kind == null) {
      catalog.unreadable();
      return;
    }
    KindBinder binder = BINDERS.get(kind);
    SpecDocument document = null;
    if (envelope.has("spec")) {
      document = binder.bind(ctx, envelope.mappingAs("spec", binder.spec()));
    }
    catalog.add(kind, name, ctx.document(), ctx.failed() ? null : document);
  }

  /** The kind, if written and known, so that envelope errors can already name it. */
  private static String peekKind(MappingNode mapping) {
    Node value = peek(mapping, "kind");
    return value instanceof ScalarNode kind && BINDERS.containsKey(kind.getValue())
        ? kind.getValue()
        : null;
  }

  /** The name, if written and valid, so that envelope errors can already name the document. */
  private static String peekName(MappingNode mapping) {
    if (peek(mapping, "metadata") instanceof MappingNode metadata
        && peek(metadata, "name") instanceof ScalarNode name
        && !Tag.NULL.equals(name.getTag())
        && Values.NAME.matcher(name.getValue()).matches()) {
      return name.getValue();
    }
    return null;
  }

  private static Node peek(MappingNode mapping, String key) {
    for (NodeTuple tuple : mapping.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
        return tuple.getValueNode();
      }
    }
    return null;
  }
}
