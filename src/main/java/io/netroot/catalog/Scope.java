package io.netroot.catalog;

import java.util.Set;

/**
 * Which resources a pass looks at: all of them, or those a {@link Selection} chose and what they
 * need. What is out of scope is not observed, not decided, not written, and its record in the state
 * file is left as it is.
 */
public interface Scope {

  /** Every resource: the whole boot server. */
  Scope ALL =
      new Scope() {
        @Override
        public boolean includes(ResourceId id) {
          return true;
        }

        @Override
        public boolean includesOrphan(ResourceId id, String path) {
          return true;
        }

        @Override
        public boolean all() {
          return true;
        }

        @Override
        public String describe() {
          return "all";
        }
      };

  /** Whether a resource of the catalog is looked at. */
  boolean includes(ResourceId id);

  /**
   * Whether a recorded resource that no spec produces any more is looked at (and so removed): one
   * of the chosen areas, and never under a host filter (its host is gone from the specs).
   */
  boolean includesOrphan(ResourceId id, String path);

  /** Whether this is the whole boot server. */
  default boolean all() {
    return false;
  }

  /** For people: {@code --host node0* --kind tftp}. */
  String describe();

  /** A scope of exactly {@code ids}, with orphans in {@code areas} (none when {@code hosts}). */
  static Scope of(
      Set<ResourceId> ids, Set<Area> areas, boolean hosts, ServerLayout layout, String describe) {
    Set<ResourceId> chosen = Set.copyOf(ids);
    return new Scope() {
      @Override
      public boolean includes(ResourceId id) {
        return chosen.contains(id);
      }

      @Override
      public boolean includesOrphan(ResourceId id, String path) {
        return !hosts && (areas.isEmpty() || areas.contains(Area.of(id, layout)));
      }

      @Override
      public String describe() {
        return describe;
      }
    };
  }
}
