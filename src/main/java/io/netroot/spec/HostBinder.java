package io.netroot.spec;

import static io.netroot.spec.Schema.Type.BOOL;
import static io.netroot.spec.Schema.Type.STRING;
import static io.netroot.spec.Schema.optional;
import static io.netroot.spec.Schema.required;

/**
 * Binds {@code kind: Host}; address uniqueness and placement are checked across documents, and so
 * is whether {@code ip} is required: it is with {@code dhcp.mode: full}, where netroot reserves it
 * ({@link DhcpModeChecks}).
 */
final class HostBinder implements KindBinder {

  private static final Schema SPEC =
      Schema.of(
          "Host spec",
          required("mac", STRING),
          optional("ip", STRING),
          required("profile", STRING),
          optional("firmware", Firmware.class),
          optional("ipReservedElsewhere", BOOL));

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
        Boolean.TRUE.equals(spec.bool("ipReservedElsewhere")),
        ctx.origin());
  }
}
