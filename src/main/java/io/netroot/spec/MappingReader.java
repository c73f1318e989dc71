package io.netroot.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads one YAML mapping against a {@link Schema}: reports duplicate keys, unknown fields, values
 * of the wrong type and missing required fields, then hands out only the values that passed. A
 * reader for an absent mapping answers {@code null} for everything, so binders need no special case
 * for optional sections.
 */
final class MappingReader {

  private final DocumentContext ctx;
  private final String path;
  private final Node owner;
  private final Schema schema;
  private final Map<String, Node> written = new HashMap<>();
  private final Map<String, Node> values = new HashMap<>();
  private final Map<String, Node> keyNodes = new HashMap<>();

  private MappingReader(DocumentContext ctx, String path, Node owner, Schema schema) {
    this.ctx = ctx;
    this.path = path;
    this.owner = owner;
    this.schema = schema;
  }

  static MappingReader absent(DocumentContext ctx, String path, Schema schema) {
    return new MappingReader(ctx, path, null, schema);
  }

  /**
   * @param owner the node missing fields are reported at: the mapping's key in its parent
   */
  static MappingReader read(
      DocumentContext ctx, String path, MappingNode mapping, Node owner, Schema schema) {
    MappingReader reader = new MappingReader(ctx, path, owner, schema);
    for (NodeTuple tuple : mapping.getValue()) {
      reader.readEntry(tuple, schema);
    }
    for (Schema.Field field : schema.requiredFields()) {
      if (!reader.written.containsKey(field.key())) {
        ctx.error(owner, reader.child(field.key()) + " is required but missing");
      }
    }
    return reader;
  }

  private void readEntry(NodeTuple tuple, Schema schema) {
    if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
      ctx.error(
          tuple.getKeyNode(),
          "keys must be plain field names, not " + Nodes.describe(tuple.getKeyNode()));
      return;
    }
    String key = keyNode.getValue();
    Node previous = written.putIfAbsent(key, keyNode);
    if (previous != null) {
      ctx.error(
          keyNode,
          "duplicate key "
              + child(key)
              + " (first written at line "
              + ctx.position(previous).line()
              + "); remove one of them");
      return;
    }
    Schema.Field field = schema.field(key);
    if (field == null) {
      ctx.error(
          keyNode,
          "unknown field "
              + Text.quote(child(key))
              + Suggestions.didYouMean(key, schema.keys())
              + "; the fields of "
              + schema.owner()
              + " are: "
              + String.join(", ", schema.keys()));
      return;
    }
    Node value = tuple.getValueNode();
    ctx.record(child(key), value);
    String problem = Nodes.typeProblem(value, field.type());
    if (problem != null) {
      ctx.error(value, child(key) + ": " + problem);
      return;
    }
    values.put(key, value);
    keyNodes.put(key, keyNode);
  }

  /**
   * The node this mapping's own problems are reported at (its key in its parent, or the mapping
   * itself in a list), or {@code null} for an absent mapping.
   */
  Node owner() {
    return owner;
  }

  String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  boolean has(String key) {
    return values.containsKey(key);
  }

  /**
   * Whether the key was written, even with a value of the wrong type (already reported): for checks
   * of which fields are given, which must not add to that report.
   */
  boolean written(String key) {
    return written.containsKey(key);
  }

  Node node(String key) {
    return values.get(key);
  }

  Scalar scalar(String key) {
    Node node = values.get(key);
    return node instanceof ScalarNode s ? new Scalar(s.getValue(), s, child(key)) : null;
  }

  String string(String key) {
    Scalar scalar = scalar(key);
    return scalar == null ? null : scalar.value();
  }

  Integer integer(String key) {
    Scalar scalar = scalar(key);
    return scalar == null ? null : Nodes.parseInt(scalar.value());
  }

  Boolean bool(String key) {
    Scalar scalar = scalar(key);
    return scalar == null ? null : Boolean.valueOf(scalar.value().equalsIgnoreCase("true"));
  }

  /** The items of a list of strings, each checked; empty when the field is absent. */
  List<Scalar> strings(String key) {
    List<Scalar> items = new ArrayList<>();
    forEachItem(
        key,
        (item, itemPath) -> {
          String problem = Nodes.typeProblem(item, Schema.Type.STRING);
          if (problem != null) {
            ctx.error(item, itemPath + ": " + problem);
          } else {
            items.add(new Scalar(((ScalarNode) item).getValue(), item, itemPath));
          }
        });
    return items;
  }

  /** The schema the field {@code key} nests; a binder asking for an undeclared one is a bug. */
  private Schema nested(String key, Schema.Type type) {
    Schema.Field field = schema.field(key);
    if (field == null || field.type() != type || field.nested() == null) {
      throw new IllegalStateException(
          schema.owner() + " declares no nested schema for " + key + " as " + type.description);
    }
    return field.nested();
  }

  /** Visits each item of a list field with its dotted path, recording the item's position. */
  private void forEachItem(String key, java.util.function.BiConsumer<Node, String> visit) {
    if (values.get(key) instanceof SequenceNode sequence) {
      List<Node> nodes = sequence.getValue();
      for (int i = 0; i < nodes.size(); i++) {
        Node item = nodes.get(i);
        String itemPath = child(key) + "." + i;
        ctx.record(itemPath, item);
        visit.accept(item, itemPath);
      }
    }
  }

  /**
   * A nested mapping, read against the schema its field declares, or an absent reader when the
   * field was not written (or was invalid).
   */
  MappingReader mapping(String key) {
    Schema nested = nested(key, Schema.Type.MAP);
    if (values.get(key) instanceof MappingNode mapping) {
      return read(ctx, child(key), mapping, keyNodes.get(key), nested);
    }
    return absent(ctx, child(key), nested);
  }

  /**
   * A nested mapping read against {@code schema}: for the one mapping whose schema depends on
   * another field, the envelope's {@code spec} (by its {@code kind}).
   */
  MappingReader mappingAs(String key, Schema schema) {
    if (values.get(key) instanceof MappingNode mapping) {
      return read(ctx, child(key), mapping, keyNodes.get(key), schema);
    }
    return absent(ctx, child(key), schema);
  }

  /** The items of a list of mappings, each read against the item schema its field declares. */
  List<MappingReader> mappings(String key) {
    Schema schema = nested(key, Schema.Type.LIST);
    List<MappingReader> items = new ArrayList<>();
    forEachItem(
        key,
        (item, itemPath) -> {
          if (item instanceof MappingNode mapping) {
            items.add(read(ctx, itemPath, mapping, mapping, schema));
          } else {
            ctx.error(item, itemPath + ": expected a mapping, found " + Nodes.describe(item));
          }
        });
    return items;
  }
}
