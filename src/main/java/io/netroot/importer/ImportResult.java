package io.netroot.importer;

import java.nio.file.Path;
import java.util.Map;

/**
 * What an import wrote.
 *
 * @param specs the specs directory
 * @param reportFile the report's path
 * @param counts the documents written, by kind, in file order
 * @param report what the report says
 * @param summary one paragraph for people: the counts and the report's sections
 */
public record ImportResult(
    Path specs,
    Path reportFile,
    Map<String, Integer> counts,
    ImportReport report,
    String summary) {}
