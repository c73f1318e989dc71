package io.netroot.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every document seen while loading: those that bound well, and the names and kinds of those that
 * did not. Cross-document checks consult the latter so that one broken document does not also
 * produce a cascade of "missing reference" errors in the documents that point at it.
 */
final class Catalog {

  /** A document of some kind whose envelope could be read, bound or not. */
  record Declared(String kind, String name, Position position) {}

  private final List<SpecDocument> documents = new ArrayList<>();
  private final List<Declared> declared = new ArrayList<>();
  private final Map<String, Set<String>> declaredNames = new HashMap<>();
  private final Set<String> incomplete = new HashSet<>();
  private final Set<String> opaque = new HashSet<>();
  private boolean unreadable;

  /**
   * @param name the name, or {@code null} when it could not be read
   * @param document the bound record, or {@code null} when the document had errors
   */
  void add(String kind, String name, Position position, SpecDocument document) {
    declared.add(new Declared(kind, name, position));
    if (name != null) {
      declaredNames.computeIfAbsent(kind, k -> new HashSet<>()).add(name);
    }
    if (document != null) {
      documents.add(document);
    } else {
      incomplete.add(kind);
      if (name == null) {
        opaque.add(kind);
      }
    }
  }

  /** Appends everything {@code other} saw, as if its documents had been added here. */
  void addAll(Catalog other) {
    declared.addAll(other.declared);
    other.declaredNames.forEach(
        (kind, names) -> declaredNames.computeIfAbsent(kind, k -> new HashSet<>()).addAll(names));
    documents.addAll(other.documents);
    incomplete.addAll(other.incomplete);
    opaque.addAll(other.opaque);
    unreadable |= other.unreadable;
  }

  /** A document or file whose kind could not even be read: nothing is known to be complete. */
  void unreadable() {
    unreadable = true;
  }

  List<SpecDocument> documents() {
    return documents;
  }

  List<Declared> declared(String kind) {
    return declared.stream().filter(d -> d.kind().equals(kind)).toList();
  }

  <T extends SpecDocument> List<T> all(Class<T> type) {
    List<T> result = new ArrayList<>();
    for (SpecDocument document : documents) {
      if (type.isInstance(document)) {
        result.add(type.cast(document));
      }
    }
    return result;
  }

  /** True when every document of {@code kind} bound well, so its absence checks can be trusted. */
  boolean complete(String kind) {
    return !unreadable && !incomplete.contains(kind);
  }

  /**
   * True when a document of {@code kind} named {@code name} might exist: it was declared (perhaps
   * with errors), or some document of that kind could not be named.
   */
  boolean mayExist(String kind, String name) {
    return unreadable
        || opaque.contains(kind)
        || declaredNames.getOrDefault(kind, Set.of()).contains(name);
  }
}
