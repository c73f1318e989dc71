package io.netroot.adopt;

import java.util.Optional;

/**
 * Finds, in a file netroot shares with people, the declarations outside netroot's block that the
 * specs own, so that the block takes them over instead of declaring them a second time.
 */
public interface Adopter {

  /**
   * What to adopt from {@code fileText}.
   *
   * @param fileText the whole file, one char per byte
   * @param block the offsets of netroot's block in it, or {@code null} when it has none; nothing in
   *     it is adopted
   * @param fileName the file as people know it, for messages
   * @return the declarations to move, or empty when there are none
   * @throws AdoptionClashException when a declaration outside the block clashes with the specs but
   *     is not the same, or the file cannot be read well enough to tell
   */
  Optional<Adoption> adopt(String fileText, LineRange block, String fileName);
}
