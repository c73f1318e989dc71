package io.netroot.spec;

/**
 * A place in a spec file, 1-based, as an editor shows it: {@code specs/hosts.yaml:12:7}.
 *
 * @param file the spec file as the user named it (relative to the working directory when the specs
 *     directory was given relatively)
 * @param line 1-based line
 * @param column 1-based column
 */
public record Position(String file, int line, int column) {

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
