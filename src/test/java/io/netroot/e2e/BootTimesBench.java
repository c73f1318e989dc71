package io.netroot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The boot benchmark of {@code bin/bench-boot} (docs/PERFORMANCE.md), not part of {@code bin/test}:
 * the same guest (QEMU, software emulation, SeaBIOS and the iPXE ROM of an e1000, 512 MiB), the
 * same Debian kernel and the same initrd, padded to the size of a Debian initramfs, booted three
 * times as the host of a {@code loader: syslinux} profile (pxelinux, kernel and initrd over TFTP
 * from tftpd-hpa) and three times as the host of a {@code loader: ipxe} profile (kernel and initrd
 * over HTTP from nginx), on what {@code bin/agent apply} wrote once: the two hosts differ only in
 * their MAC, which chooses the profile, and the profiles only in their loader.
 *
 * <p>Each boot is timed from power-on (QEMU started) by the lines of its serial console, read every
 * 20 ms: the loader naming the kernel file ({@code …/images/debian/vmlinuz}: pxelinux's {@code
 * Loading}, iPXE's URL), the loader saying the initrd is loaded (the {@code ok} after the initrd's
 * name, which both print), the kernel's first line ({@code Linux version}, printed at once with
 * {@code earlyprintk}), and the root image's init running (the NFS root mounted). The load of
 * kernel and initrd is the time between the first two; the time to the kernel's first line adds
 * what both paths spend alike after it (the loader placing the files in memory, the kernel
 * unpacking itself). The table goes to {@code target/boot-bench.txt} and the test's output.
 */
class BootTimesBench {

  static final String TFTP_MAC = "52:54:00:77:00:31";
  static final String HTTP_MAC = "52:54:00:77:00:32";
  static final int RUNS = Integer.getInteger("netroot.bench.runs", 3);
  static final long PAD_BYTES = Long.getLong("netroot.bench.initrdPad", 35L << 20);
  static final Duration BOOT_TIMEOUT = Duration.ofMinutes(6);

  @TempDir Path dir;

  /** One boot's times from power-on, in seconds; -1 when the line was not seen. */
  record Times(double load, double loaded, double kernel, double root) {
    /** From the loader naming the kernel to its saying the initrd is loaded. */
    double loadDuration() {
      return loaded - load;
    }

    /** From the loader naming the kernel to the kernel's first line. */
    double toKernel() {
      return kernel - load;
    }
  }

  /** Whether the loader has said that the initrd is loaded: an ok after its name. */
  static boolean initrdLoaded(String console) {
    int name = console.lastIndexOf("/images/debian/initrd");
    return name >= 0 && console.indexOf("ok", name) >= 0;
  }

  @Test
  void tftpAgainstHttp() throws Exception {
    String qemu = Require.program("qemu-system-x86_64", "qemu-system-x86");
    Path rom = PxeGuest.rom();
    Path initrd = BootImages.debianInitrd(dir, BootImages.MODULES, PAD_BYTES);
    Path kernel = BootIT.KERNEL_DIR.resolve("vmlinuz").toAbsolutePath();

    E2eBootServer server = new E2eBootServer(dir);
    String mark = "booted-" + UUID.randomUUID();
    Path image = server.path(E2eBootServer.IMAGE);
    BootImages.rootImage(image, mark);
    server.writeSpecs(specs(kernel, initrd.toAbsolutePath()));
    server.apply();

    List<Times> tftp = new ArrayList<>();
    List<Times> http = new ArrayList<>();
    try (NetworkLab lab = NetworkLab.create(dir.resolve("logs"), "52:54:00:77:00:fe");
        SyslogSocket syslog = new SyslogSocket(dir.resolve("dev"), lab.log("tftpd-syslog"))) {
      Daemons.dhcpd(lab, server, dir);
      Daemons.tftpd(lab, server, syslog);
      Daemons.ganesha(lab, server);
      Daemons.nginx(lab, server, "/etc/nginx/conf.d/netroot.conf", dir);
      for (int run = 1; run <= RUNS; run++) {
        tftp.add(boot(lab, qemu, rom, "tftp" + run, TFTP_MAC, image.resolve(mark)));
        http.add(boot(lab, qemu, rom, "http" + run, HTTP_MAC, image.resolve(mark)));
      }
    }
    String table = table(Files.size(kernel), Files.size(initrd), tftp, http);
    Files.writeString(Path.of("target/boot-bench.txt"), table);
    System.out.println(table);
    assertThat(median(http, Times::loadDuration)).isPositive();
  }

  /** Powers the guest on once and times its serial console's lines. */
  private static Times boot(
      NetworkLab lab, String qemu, Path rom, String name, String mac, Path mark) throws Exception {
    Files.deleteIfExists(mark);
    String tap = "tap" + name.substring(name.length() - 2);
    lab.addTap(tap);
    Path serial = lab.log("serial-" + name);
    long start = System.nanoTime();
    Process guest = PxeGuest.start(lab, qemu, rom, mac, tap, serial, name);
    double load = -1;
    double loaded = -1;
    double kernel = -1;
    double root = -1;
    try {
      long deadline = start + BOOT_TIMEOUT.toNanos();
      while (root < 0 && System.nanoTime() < deadline && guest.isAlive()) {
        String text = Daemons.read(serial);
        double now = (System.nanoTime() - start) / 1e9;
        if (load < 0 && text.contains("/images/debian/vmlinuz")) {
          load = now;
        }
        if (loaded < 0 && initrdLoaded(text)) {
          loaded = now;
        }
        if (kernel < 0 && text.contains("Linux version")) {
          kernel = now;
        }
        if (root < 0 && text.contains("root image: init running")) {
          root = now;
        }
        Thread.sleep(20);
      }
      if (root < 0 || kernel < 0 || loaded < 0 || load < 0) {
        fail("the " + name + " boot was not timed whole" + lab.logsText());
      }
      NetworkLab.await(Duration.ofSeconds(30), () -> Files.exists(mark));
      return new Times(load, loaded, kernel, root);
    } finally {
      NetworkLab.stop(guest);
      lab.removeTap(tap);
    }
  }

  private static double median(List<Times> times, java.util.function.ToDoubleFunction<Times> f) {
    double[] values = times.stream().mapToDouble(f).sorted().toArray();
    return values[values.length / 2];
  }

  static String table(long kernelBytes, long initrdBytes, List<Times> tftp, List<Times> http) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "kernel %.1f MB, initrd %.1f MB; seconds from power-on%n",
            kernelBytes / 1e6,
            initrdBytes / 1e6));
    out.append(
        "| path | run | loader names the kernel | initrd loaded | kernel's first line |"
            + " root mounted | kernel + initrd load | to the kernel's first line |\n"
            + "|---|---|---|---|---|---|---|---|\n");
    for (int i = 0; i < tftp.size(); i++) {
      row(out, "TFTP (pxelinux)", i + 1, tftp.get(i));
    }
    for (int i = 0; i < http.size(); i++) {
      row(out, "HTTP (iPXE)", i + 1, http.get(i));
    }
    double tftpLoad = median(tftp, Times::loadDuration);
    double httpLoad = median(http, Times::loadDuration);
    double tftpToKernel = median(tftp, Times::toKernel);
    double httpToKernel = median(http, Times::toKernel);
    out.append(
        String.format(
            Locale.ROOT,
            "%nmedians: kernel + initrd load TFTP %.1f s, HTTP %.1f s: HTTP %.1f× faster;"
                + " from the loader naming the kernel to the kernel's first line TFTP %.1f s,"
                + " HTTP %.1f s (%.1f×); kernel's first line TFTP %.1f s, HTTP %.1f s;"
                + " root mounted TFTP %.1f s, HTTP %.1f s%n",
            tftpLoad,
            httpLoad,
            tftpLoad / httpLoad,
            tftpToKernel,
            httpToKernel,
            tftpToKernel / httpToKernel,
            median(tftp, Times::kernel),
            median(http, Times::kernel),
            median(tftp, Times::root),
            median(http, Times::root)));
    return out.toString();
  }

  private static void row(StringBuilder out, String path, int run, Times t) {
    out.append(
        String.format(
            Locale.ROOT,
            "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
            path,
            run,
            t.load(),
            t.loaded(),
            t.kernel(),
            t.root(),
            t.loadDuration(),
            t.toKernel()));
  }

  /** Two profiles that differ only in their loader, and a host of each. */
  static String specs(Path kernel, Path initrd) {
    return E2eBootServer.serverSpecs()
            .replace(
                "  pxe: {timeout: 1, default: e2e}\n",
                "  pxe: {timeout: 1, default: local}\n"
                    + "  http: {port: 80, root: /srv/netroot-http}\n")
        + E2eBootServer.kernelImageAndExport(kernel, initrd)
        + """
        apiVersion: netroot/v1
        kind: Profile
        metadata: {name: tftp}
        spec:
          kernel: debian
          rootImage: e2e
          nfsOptions: [tcp, vers=3]
          kernelArgs: ["console=ttyS0,115200", "earlyprintk=serial,ttyS0,115200", panic=5]
          loader: syslinux
        ---
        apiVersion: netroot/v1
        kind: Profile
        metadata: {name: http}
        spec:
          kernel: debian
          rootImage: e2e
          nfsOptions: [tcp, vers=3]
          kernelArgs: ["console=ttyS0,115200", "earlyprintk=serial,ttyS0,115200", panic=5]
          loader: ipxe
        ---
        apiVersion: netroot/v1
        kind: Host
        metadata: {name: bench-tftp}
        spec: {mac: "%1$s", ip: 10.77.0.31, profile: tftp}
        ---
        apiVersion: netroot/v1
        kind: Host
        metadata: {name: bench-http}
        spec: {mac: "%2$s", ip: 10.77.0.32, profile: http}
        """
            .formatted(TFTP_MAC, HTTP_MAC);
  }
}
