package io.netroot.spec;

import static io.netroot.spec.Schema.Type.LIST;
import static io.netroot.spec.Schema.Type.STRING;
import static io.netroot.spec.Schema.optional;
import static io.netroot.spec.Schema.required;

/** Binds {@code kind: Profile}; references are resolved later by {@link SpecValidator}. */
final class ProfileBinder implements KindBinder {

  private static final Schema SPEC =
      Schema.of(
          "Profile spec",
          required("kernel", STRING),
          required("rootImage", STRING),
          optional("nfsOptions", LIST),
          optional("kernelArgs", LIST),
          optional("menuLabel", STRING),
          optional("firmware", Firmware.class));

  @Override
  public Schema spec() {
    return SPEC;
  }

  @Override
  public SpecDocument bind(DocumentContext ctx, MappingReader spec) {
    String menuLabel = Grammar.check(ctx, spec.scalar("menuLabel"), MenuText.GRAMMAR);
    return new Profile(
        ctx.name(),
        spec.string("kernel"),
        spec.string("rootImage"),
        BootArguments.nfsOptions(ctx, spec.strings("nfsOptions")),
        BootArguments.kernelArgs(ctx, spec.strings("kernelArgs")),
        menuLabel == null ? ctx.name() : menuLabel,
        Values.oneOf(ctx, spec.scalar("firmware"), Firmware.class, Firmware.AUTO),
        ctx.origin());
  }
}
