package io.netroot.catalog;

/**
 * The stable name of a managed thing, unchanged across passes as long as the specs name the same
 * thing: {@code file:/srv/tftp/pxelinux.cfg/01-08-00-2b-4c-59-23}, {@code block:/etc/exports}.
 *
 * @param value the id as stored in the state file and shown in JSON output
 */
public record ResourceId(String value) implements Comparable<ResourceId> {

  @Override
  public int compareTo(ResourceId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
