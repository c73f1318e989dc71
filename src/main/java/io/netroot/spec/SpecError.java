package io.netroot.spec;

/**
 * One problem with the specs, printed as {@code FILE:LINE:COLUMN: message}.
 *
 * @param position where the problem is
 * @param message what is wrong and, where it helps, how to fix it
 */
public record SpecError(Position position, String message) {

  @Override
  public String toString() {
    return position + ": " + message;
  }
}
