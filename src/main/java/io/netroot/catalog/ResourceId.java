package io.netroot.catalog;

import java.util.Locale;

/**
 * The stable name of a managed thing, unchanged across passes as long as the specs name the same
 * thing: what it is and which one. Written as {@code KIND:TARGET} in the state file, the write
 * journal and JSON output: {@code file:/srv/tftp/pxelinux.cfg/01-08-00-2b-4c-59-23}, {@code
 * block:/etc/exports}, {@code service:nfs-ganesha}.
 *
 * @param kind what sort of thing it is
 * @param target which one: a path on the server, or a service's name
 */
public record ResourceId(Kind kind, String target) implements Comparable<ResourceId> {

  /** The sorts of managed things; each word is the prefix of the id's written form. */
  public enum Kind {
    /** A whole file netroot owns. */
    FILE,
    /** A marked block inside a file others edit too. */
    BLOCK,
    /** Keys of an INI-style file ({@code /etc/nfs.conf}), with the section in brackets. */
    KEYS,
    /** A root image's filling from its source. */
    IMAGE,
    /** A device node inside a root image. */
    DEVNODE,
    /** The root line of a root image's {@code /etc/fstab}. */
    FSTAB,
    /** A whole file netroot keeps inside a root image ({@code spec.files}). */
    IMAGEFILE,
    /** A service: on the server ({@code service:NAME}) or disabled in an image. */
    SERVICE,
    /** The NFS versions the kernel server offers. */
    NFSD;

    /** The word written before the colon. */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public ResourceId {
    if (kind == null || target == null || target.isEmpty()) {
      throw new IllegalArgumentException("a resource id needs a kind and a target");
    }
  }

  /**
   * Reads the written form back, as stored in the state file or the write journal.
   *
   * @throws IllegalArgumentException when it does not start with a known kind and a colon
   */
  public static ResourceId parse(String value) {
    int colon = value.indexOf(':');
    if (colon > 0) {
      String word = value.substring(0, colon);
      for (Kind kind : Kind.values()) {
        if (kind.word().equals(word)) {
          return new ResourceId(kind, value.substring(colon + 1));
        }
      }
    }
    throw new IllegalArgumentException("not a resource id: " + value);
  }

  /** The written form, {@code KIND:TARGET}. */
  public String value() {
    return kind.word() + ":" + target;
  }

  /** Ordered as their written forms are. */
  @Override
  public int compareTo(ResourceId other) {
    int byKind = kind.word().compareTo(other.kind.word());
    return byKind != 0 ? byKind : target.compareTo(other.target);
  }

  @Override
  public String toString() {
    return value();
  }
}
