package io.netroot.spec;

import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A scalar value read from YAML, kept with its node and dotted path so that later checks can point
 * at it.
 *
 * @param value the text as written (after YAML unquoting)
 * @param node the node, for its position
 * @param path the dotted path, {@code spec.routers.1}
 */
record Scalar(String value, Node node, String path) {}
