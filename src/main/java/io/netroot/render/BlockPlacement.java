package io.netroot.render;

/**
 * Where a managed block goes in a file that has none yet. Most files take it at the end; a file
 * whose syntax nests (Kea's JSON) needs it inside a given map.
 */
@FunctionalInterface
public interface BlockPlacement {

  /**
   * The file with {@code wrappedBlock} put in; the file holds no block.
   *
   * @param fileTextOrNull the file, or {@code null} when it does not exist
   * @throws MalformedBlockException when the file has no place for the block
   */
  String insert(String fileTextOrNull, String wrappedBlock);

  /**
   * At the end (after a {@code \n} when the file is non-empty and does not end with one); a missing
   * file becomes the block alone.
   */
  BlockPlacement APPEND =
      (file, block) ->
          file == null || file.isEmpty() || file.endsWith("\n")
              ? (file == null ? "" : file) + block
              : file + "\n" + block;
}
