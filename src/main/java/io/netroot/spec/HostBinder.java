package io.netroot.spec;

import static io.netroot.spec.Schema.Type.STRING;
import static io.netroot.spec.Schema.optional;
import static io.netroot.spec.Schema.required;

/** Binds {@code kind: Host}; address uniqueness and placement are checked across documents. */
final class HostBinder implements KindBinder {

  private static final Schema SPEC =
      Schema.of(
          "Host spec",
          required("mac", STRING),
          required("ip", STRING),
          required("profile", STRING),
          optional("firmware", STRING));

  @Override
  public Schema spec() {
    return SPEC;
  }

  @Override
  public SpecDocument bind(DocumentContext ctx, MappingReader spec) {
    return new Host(
        ctx.name(),
        Values.mac(ctx, spec.scalar("mac")),
        Values.ipv4(ctx, spec.scalar("ip")),
        spec.string("profile"),
        Values.oneOf(ctx, spec.scalar("firmware"), Firmware.class, null),
        ctx.origin());
  }
}
