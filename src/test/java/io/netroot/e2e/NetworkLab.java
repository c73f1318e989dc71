package io.netroot.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Two network namespaces joined by a veth pair, for running real daemons against each other: the
 * server's namespace has a bridge {@code br0} with {@value #SERVER_IP}/24 holding one end (and any
 * tap added for a guest), the client's namespace has {@code eth0} with a MAC of the test's
 * choosing. Nothing is created in this machine's own namespace, and the address range {@value
 * #SUBNET} is used only inside these namespaces, so no traffic goes anywhere else.
 *
 * <p>Every process is started through {@code ip netns exec} (which execs, so its PID is the
 * program's) and recorded; {@link #close()} kills each by PID (descendants first, TERM then KILL)
 * and deletes the namespaces. A JVM shutdown hook does the same if the test never gets to close.
 */
final class NetworkLab implements AutoCloseable {

  static final String SUBNET = "10.77.0.0/24";
  static final String SERVER_IP = "10.77.0.1";

  final String server;
  final String client;
  final Path logs;
  private final List<Process> processes = Collections.synchronizedList(new ArrayList<>());
  private final List<String> namespaces = new ArrayList<>();
  private final Thread hook;
  private boolean closed;

  private NetworkLab(Path logs) {
    String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
    this.server = "nr" + id + "s";
    this.client = "nr" + id + "c";
    this.logs = logs;
    this.hook = new Thread(this::close, "network-lab-cleanup");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * Creates the two namespaces and the link between them.
   *
   * @param logs where the daemons' output files go
   * @param clientMac the MAC of the client's {@code eth0}
   */
  static NetworkLab create(Path logs, String clientMac) {
    Require.root();
    Require.program("ip", "iproute2");
    NetworkLab lab = new NetworkLab(logs);
    try {
      Files.createDirectories(logs);
      lab.addNamespace(lab.server);
      lab.addNamespace(lab.client);
      lab.ip(lab.server, "link", "set", "lo", "up");
      lab.ip(lab.client, "link", "set", "lo", "up");
      lab.ip(lab.server, "link", "add", "br0", "type", "bridge");
      lab.ip(
          lab.server,
          "link",
          "add",
          "veth0",
          "type",
          "veth",
          "peer",
          "name",
          "eth0",
          "netns",
          lab.client);
      lab.ip(lab.server, "link", "set", "veth0", "master", "br0");
      lab.ip(lab.server, "addr", "add", SERVER_IP + "/24", "dev", "br0");
      lab.ip(lab.server, "link", "set", "br0", "up");
      lab.ip(lab.server, "link", "set", "veth0", "up");
      lab.ip(lab.client, "link", "set", "eth0", "address", clientMac);
      lab.ip(lab.client, "link", "set", "eth0", "up");
      return lab;
    } catch (IOException e) {
      lab.close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      lab.close();
      throw e;
    }
  }

  private void addNamespace(String name) {
    run(List.of("ip", "netns", "add", name), Duration.ofSeconds(10));
    namespaces.add(name);
  }

  /** Runs {@code ip -n NS ARGS…} and fails on a non-zero exit. */
  void ip(String namespace, String... args) {
    List<String> command = new ArrayList<>(List.of("ip", "-n", namespace));
    command.addAll(List.of(args));
    run(command, Duration.ofSeconds(10));
  }

  /** Gives the client's {@code eth0} another MAC, for a DHCP exchange as another machine. */
  void setClientMac(String mac) {
    ip(client, "link", "set", "eth0", "down");
    ip(client, "link", "set", "eth0", "address", mac);
    ip(client, "link", "set", "eth0", "up");
  }

  /**
   * Gives the client's {@code eth0} the address {@code cidr}, so that a server run in the client's
   * namespace (a site's own DHCP server beside the boot server) answers from it.
   */
  void addClientAddress(String cidr) {
    ip(client, "addr", "add", cidr, "dev", "eth0");
  }

  /** A tap on the server's bridge, for a QEMU guest started in the server's namespace. */
  void addTap(String name) {
    ip(server, "tuntap", "add", "dev", name, "mode", "tap");
    ip(server, "link", "set", name, "master", "br0");
    ip(server, "link", "set", name, "up");
  }

  /** Removes a tap made by {@link #addTap}, so that the next guest gets a fresh one. */
  void removeTap(String name) {
    ip(server, "link", "del", name);
  }

  /** The firmware a guest boots the network with. */
  enum Firmware {
    /** SeaBIOS and the iPXE ROM of the e1000: pxelinux.0. */
    BIOS,
    /** OVMF and the e1000's EFI iPXE driver: syslinux.efi. */
    UEFI
  }

  /**
   * The QEMU command line every guest of the tests shares: {@code machine} (software emulation),
   * one CPU, {@code mib} of memory, no display and no monitor, the serial console to {@code
   * serial}, the network device {@code n0} on {@code tap}, and no reboot. The caller adds the
   * firmware and the network card.
   */
  static List<String> guestCommand(String qemu, String machine, int mib, Path serial, String tap) {
    return new ArrayList<>(
        List.of(
            qemu,
            "-machine",
            machine,
            "-smp",
            "1",
            "-m",
            Integer.toString(mib),
            "-nographic",
            "-monitor",
            "none",
            "-serial",
            "file:" + serial,
            "-netdev",
            "tap,id=n0,ifname=" + tap + ",script=no,downscript=no",
            "-no-reboot"));
  }

  /** QEMU's UEFI firmware, OVMF, in one file (code and variables). */
  static final Path OVMF = Path.of("/usr/share/ovmf/OVMF.fd");

  /**
   * Starts a QEMU guest (software emulation, one CPU, 1 GiB) on a tap of its own on the server's
   * bridge, network-booting with {@code firmware} from an e1000 with {@code mac}; its serial
   * console goes to {@code logs/serial-NAME.log}. The tap is named after the last two characters of
   * {@code name}.
   */
  Process startGuest(String qemu, String name, String mac, Firmware firmware) {
    String tap = "tap" + name.substring(name.length() - 2);
    addTap(tap);
    List<String> command = guestCommand(qemu, "accel=tcg", 1024, log("serial-" + name), tap);
    if (firmware == Firmware.BIOS) {
      Path rom =
          Require.file(
              Path.of("/usr/lib/ipxe/qemu/pxe-e1000.rom"),
              "bin/setup installs it (Debian package ipxe-qemu)");
      command.addAll(
          List.of("-device", "e1000,netdev=n0,mac=" + mac + ",romfile=" + rom, "-boot", "n"));
    } else {
      // QEMU's default ROM of an e1000 (efi-e1000.rom) holds iPXE's EFI driver.
      command.addAll(
          List.of(
              "-bios", OVMF.toString(), "-device", "e1000,netdev=n0,mac=" + mac + ",bootindex=1"));
    }
    return start(server, "qemu-" + name, command);
  }

  /**
   * Waits, within {@code timeout}, while QEMU processes this test did not start run on the machine:
   * with software emulation they would slow the guests down and distort the boot times.
   *
   * @param who the test, for the message when they still run
   */
  static void awaitNoOtherEmulators(Duration timeout, String who) {
    boolean alone =
        await(
            timeout,
            () ->
                ProcessHandle.allProcesses()
                    .noneMatch(p -> p.info().command().orElse("").contains("qemu-system")));
    if (!alone) {
      System.out.println(who + ": other QEMU processes still run; boot times are slower");
    }
  }

  /**
   * Starts {@code command} in {@code namespace}, its stdout and stderr to {@code logs/NAME.log}.
   */
  Process start(String namespace, String name, List<String> command) {
    List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
    all.addAll(command);
    Path log = log(name);
    try {
      Process process =
          new ProcessBuilder(all)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
      processes.add(process);
      return process;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + all, e);
    }
  }

  /** Runs {@code command} in {@code namespace} to its end, within {@code timeout}. */
  Result exec(String namespace, Duration timeout, List<String> command) {
    List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
    all.addAll(command);
    return run(all, timeout, false);
  }

  Path log(String name) {
    return logs.resolve(name + ".log");
  }

  /** Every log file, for an assertion message. */
  String logsText() {
    StringBuilder out = new StringBuilder();
    try (var files = Files.list(logs)) {
      for (Path file : files.sorted().toList()) {
        if (!Files.isRegularFile(file)) {
          continue;
        }
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        if (text.length() > 20_000) {
          text = "[…]" + text.substring(text.length() - 20_000);
        }
        out.append("\n===== ").append(file).append(" =====\n").append(text);
      }
    } catch (IOException e) {
      out.append("\n(cannot read the logs in ").append(logs).append(": ").append(e).append(')');
    }
    return out.toString();
  }

  /** Ends one process (and what it started) by PID: TERM, then KILL after two seconds. */
  static void stop(Process process) {
    ProcessHandle handle = process.toHandle();
    List<ProcessHandle> children = handle.descendants().toList();
    handle.destroy();
    for (ProcessHandle child : children) {
      child.destroy();
    }
    try {
      if (!process.waitFor(2, TimeUnit.SECONDS)) {
        handle.destroyForcibly();
        process.waitFor(2, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (ProcessHandle child : children) {
      if (child.isAlive()) {
        child.destroyForcibly();
      }
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<Process> started;
    synchronized (processes) {
      started = new ArrayList<>(processes);
    }
    Collections.reverse(started);
    for (Process process : started) {
      stop(process);
    }
    for (String namespace : namespaces) {
      run(List.of("ip", "netns", "del", namespace), Duration.ofSeconds(10), false);
    }
    if (Thread.currentThread() != hook) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down
      }
    }
  }

  /** The exit code and output of a finished command. */
  record Result(int exit, String output) {}

  private static Result run(List<String> command, Duration timeout) {
    return run(command, timeout, true);
  }

  static Result run(List<String> command, Duration timeout, boolean check) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      var output = new java.io.ByteArrayOutputStream();
      Thread reader =
          new Thread(
              () -> {
                try {
                  process.getInputStream().transferTo(output);
                } catch (IOException ignored) {
                  // the process was ended
                }
              });
      reader.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        stop(process);
        reader.join(1000);
        throw new IllegalStateException(
            String.join(" ", command) + " did not finish within " + timeout + ": " + output);
      }
      reader.join(1000);
      Result result = new Result(process.exitValue(), output.toString(StandardCharsets.UTF_8));
      if (check && result.exit() != 0) {
        throw new IllegalStateException(
            String.join(" ", command) + " exited " + result.exit() + ": " + result.output());
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + command, e);
    }
  }

  /** Waits for {@code condition}, checking every 100 ms, at most {@code timeout}. */
  static boolean await(Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long tries = timeout.toMillis() / 100 + 1;
    for (long i = 0; i < tries && System.nanoTime() < deadline; i++) {
      if (condition.getAsBoolean()) {
        return true;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return condition.getAsBoolean();
  }
}
