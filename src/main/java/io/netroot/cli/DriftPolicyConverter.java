package io.netroot.cli;

import io.netroot.DriftPolicy;
import io.netroot.NetrootException;
import picocli.CommandLine;

/** {@code --on-drift revert|report}: the same words as the spec's {@code agent.onDrift}. */
final class DriftPolicyConverter implements CommandLine.ITypeConverter<DriftPolicy> {
  @Override
  public DriftPolicy convert(String value) {
    try {
      return DriftPolicy.parse(value);
    } catch (NetrootException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
