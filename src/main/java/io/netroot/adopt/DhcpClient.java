package io.netroot.adopt;

import io.netroot.spec.Ipv4;
import io.netroot.spec.MacAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A PXE client as dhcpd sees it in the conditions of dhcpd.conf: the boot ROM of a machine of one
 * firmware, sending DHCP option 93 (its architecture) and a vendor class {@code
 * PXEClient:Arch:NNNNN:…}, and no user class (it is not iPXE).
 *
 * @param mac its MAC address, or {@code null} for any client of a subnet
 * @param ip the address it gets, or {@code null} when not known
 * @param arch its DHCP option 93 value: {@link #BIOS} or {@link #UEFI}
 */
public record DhcpClient(MacAddress mac, Ipv4 ip, int arch) {

  /** x86 BIOS. */
  public static final int BIOS = 0;

  /** x86-64 UEFI. */
  public static final int UEFI = 7;

  /** The vendor class identifier an Intel PXE ROM sends. */
  public byte[] vendorClass() {
    return String.format(Locale.ROOT, "PXEClient:Arch:%05d:UNDI:003016", arch)
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** Option 93 as sent: two bytes, big-endian. */
  public byte[] archBytes() {
    return new byte[] {(byte) (arch >> 8), (byte) arch};
  }

  /** dhcpd's {@code hardware}: the hardware type (1, Ethernet) and the address; null if unknown. */
  public byte[] hardware() {
    if (mac == null) {
      return null;
    }
    String[] parts = mac.text().split(":");
    byte[] out = new byte[parts.length + 1];
    out[0] = 1;
    for (int i = 0; i < parts.length; i++) {
      out[i + 1] = (byte) Integer.parseInt(parts[i], 16);
    }
    return out;
  }

  /** {@code BIOS} or {@code UEFI}, for people. */
  public String firmware() {
    return arch == UEFI ? "uefi" : "bios";
  }
}
