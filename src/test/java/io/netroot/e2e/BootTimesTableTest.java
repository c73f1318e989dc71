package io.netroot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The boot benchmark's reading of the consoles and its table, without booting anything. */
class BootTimesTableTest {

  @Test
  void theInitrdIsLoadedWhenItsLoaderSaysOkAfterItsName() {
    String pxelinux = "Loading ::/images/debian/vmlinuz... ok\nLoading ::/images/debian/initrd.img";
    assertThat(BootTimesBench.initrdLoaded(pxelinux)).isFalse();
    assertThat(BootTimesBench.initrdLoaded(pxelinux + "...ok\n")).isTrue();
    String ipxe =
        "http://10.77.0.1/images/debian/vmlinuz... ok\nhttp://10.77.0.1/images/debian/initrd.img...";
    assertThat(BootTimesBench.initrdLoaded(ipxe)).isFalse();
    assertThat(BootTimesBench.initrdLoaded(ipxe + " ok\n")).isTrue();
    assertThat(BootTimesBench.initrdLoaded("Booting from ROM... ok")).isFalse();
  }

  @Test
  void theTableGivesTheLoadAndTheRatioOfTheMedians() {
    List<BootTimesBench.Times> tftp =
        List.of(
            new BootTimesBench.Times(18, 28, 30, 45),
            new BootTimesBench.Times(18, 30, 32, 46),
            new BootTimesBench.Times(18, 29, 31, 44));
    List<BootTimesBench.Times> http =
        List.of(
            new BootTimesBench.Times(18, 20, 22, 37),
            new BootTimesBench.Times(18, 21, 23, 38),
            new BootTimesBench.Times(18, 20.5, 22.5, 37));

    String table = BootTimesBench.table(8_200_000, 38_800_000, tftp, http);

    assertThat(table)
        .contains("| TFTP (pxelinux) | 2 | 18.0 | 30.0 | 32.0 | 46.0 | 12.0 | 14.0 |")
        .contains("kernel + initrd load TFTP 11.0 s, HTTP 2.5 s: HTTP 4.4× faster")
        .contains("to the kernel's first line TFTP 13.0 s, HTTP 4.5 s (2.9×)");
  }
}
