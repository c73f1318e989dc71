package io.netroot.spec;

import static io.netroot.spec.Schema.Type.LIST;
import static io.netroot.spec.Schema.Type.STRING;
import static io.netroot.spec.Schema.optional;
import static io.netroot.spec.Schema.required;

/** Binds {@code kind: Network}; checks that the dynamic range is ordered and inside the subnet. */
final class NetworkBinder implements KindBinder {

  private static final Schema RANGE =
      Schema.of("Network spec.dynamicRange", required("start", STRING), required("end", STRING));
  private static final Schema SPEC =
      Schema.of(
          "Network spec",
          required("subnet", STRING),
          optional("routers", LIST),
          optional("dnsServers", LIST),
          optional("dynamicRange", RANGE),
          optional("domainName", STRING));

  @Override
  public Schema spec() {
    return SPEC;
  }

  @Override
  public SpecDocument bind(DocumentContext ctx, MappingReader spec) {
    Ipv4Cidr subnet = Values.cidr(ctx, spec.scalar("subnet"));
    Network.Range range = null;
    if (spec.has("dynamicRange")) {
      range = range(ctx, spec.mapping("dynamicRange"), subnet);
    }
    return new Network(
        ctx.name(),
        subnet,
        Values.ipv4s(ctx, spec.strings("routers")),
        Values.ipv4s(ctx, spec.strings("dnsServers")),
        range,
        Grammar.check(ctx, spec.scalar("domainName"), DnsName.DOMAIN),
        ctx.origin());
  }

  private static Network.Range range(DocumentContext ctx, MappingReader range, Ipv4Cidr subnet) {
    Scalar startText = range.scalar("start");
    Scalar endText = range.scalar("end");
    Ipv4 start = Values.ipv4(ctx, startText);
    Ipv4 end = Values.ipv4(ctx, endText);
    if (start == null || end == null) {
      return null;
    }
    if (start.compareTo(end) > 0) {
      ctx.error(
          startText.node(),
          range.child("start")
              + " "
              + start
              + " is after end "
              + end
              + "; the range runs from start to end inclusive, so swap them");
    }
    if (subnet != null) {
      for (Scalar scalar : new Scalar[] {startText, endText}) {
        Ipv4 address = Ipv4.parse(scalar.value());
        if (!subnet.contains(address)) {
          ctx.error(
              scalar.node(),
              scalar.path()
                  + " "
                  + address
                  + " is outside the subnet "
                  + subnet
                  + "; the dynamic range must lie inside it");
        }
      }
    }
    return new Network.Range(start, end);
  }
}
