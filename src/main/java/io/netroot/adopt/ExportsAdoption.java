package io.netroot.adopt;

import io.netroot.spec.Export;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Adoption in {@code /etc/exports}: a line outside netroot's block that exports the path of an
 * Export spec is adopted, whoever its clients are; the block then exports the path as the spec
 * says. Without this, the path would be exported twice and {@code exportfs} would pick one line's
 * options for each client, unannounced.
 */
public final class ExportsAdoption implements Adopter {

  private final Set<String> paths;

  public ExportsAdoption(List<Export> exports) {
    this.paths = exports.stream().map(e -> normal(e.path())).collect(Collectors.toSet());
  }

  @Override
  public Optional<Adoption> adopt(String fileText, LineRange block, String fileName) {
    String text = DhcpdAdoption.blankedOut(fileText, block);
    List<Adoption.Moved> moved = new ArrayList<>();
    for (ExportsFile.Entry entry : ExportsFile.parse(text).entries()) {
      if (paths.contains(normal(entry.path()))) {
        moved.add(new Adoption.Moved("export " + entry.path(), entry.range()));
      }
    }
    return moved.isEmpty() ? Optional.empty() : Optional.of(new Adoption(moved));
  }

  /** A path without a trailing slash ({@code /} stays). */
  static String normal(String path) {
    String p = path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
