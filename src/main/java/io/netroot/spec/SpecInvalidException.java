package io.netroot.spec;

import io.netroot.NetrootException;
import java.util.List;
import java.util.stream.Collectors;

/** The specs were rejected: every problem found, each with its file, line and column. */
public final class SpecInvalidException extends NetrootException {

  private final List<SpecError> errors;

  public SpecInvalidException(List<SpecError> errors) {
    super(errors.stream().map(SpecError::toString).collect(Collectors.joining("\n")));
    this.errors = List.copyOf(errors);
  }

  public List<SpecError> errors() {
    return errors;
  }
}
