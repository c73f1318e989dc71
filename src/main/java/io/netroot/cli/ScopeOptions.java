package io.netroot.cli;

import io.netroot.catalog.Area;
import io.netroot.catalog.Selection;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** {@code --host} and {@code --kind}: the part of the boot server plan, apply and drift look at. */
final class ScopeOptions {

  @Option(
      names = "--host",
      paramLabel = "NAME",
      description = {
        "Only this host: its PXE files, the DHCP configuration that declares it, and what they "
            + "need (kernel, initrd, bootloader). A glob such as node0* names several; repeatable.",
        "Apply records the state of these resources only; the others are left as they are."
      })
  List<String> hosts = new ArrayList<>();

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      converter = AreaConverter.class,
      description =
          "Only this part of the boot server: dhcp, tftp, nfs, image, kernel, service or http "
              + "(and what it needs); repeatable.")
  List<Area> kinds = new ArrayList<>();

  /** What was asked for. */
  Selection selection() {
    Set<Area> areas = kinds.isEmpty() ? Set.of() : EnumSet.copyOf(kinds);
    return new Selection(hosts, areas);
  }

  /** Reads {@code --kind} words. */
  static final class AreaConverter implements picocli.CommandLine.ITypeConverter<Area> {
    @Override
    public Area convert(String value) {
      try {
        return Area.parse(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
