package io.netroot.spec;

/**
 * Turns the {@code spec} mapping of one kind into its record. Implementations read fields through
 * the {@link MappingReader} (which already checked the schema) and report value problems to the
 * context; the caller discards the result if any error was reported.
 */
interface KindBinder {

  /** The fields allowed directly under {@code spec}. */
  Schema spec();

  /** Builds the record; called even after errors so that every problem gets reported. */
  SpecDocument bind(DocumentContext ctx, MappingReader spec);
}
