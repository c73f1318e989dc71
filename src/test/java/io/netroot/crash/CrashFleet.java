package io.netroot.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The specs the harness applies, written by the real {@code agent bench generate}: the fleet, and
 * an older variant of it to crash an update over. The older one is the same generator with more
 * hosts (its first N hosts are the fleet's own, same names, MACs and addresses), edited as a spec
 * history would be, so that the update from it creates, updates and deletes PXE files and also
 * replaces a kernel image and the PXE menu.
 */
final class CrashFleet {

  /** Hosts only the older fleet has: the update deletes their PXE files. */
  static final int EXTRA_OLD_HOSTS = 100;

  private static final Pattern HOST =
      Pattern.compile(
          "metadata: \\{name: node(\\d+)\\}\\n.*profile: profile(\\d+)\\}", Pattern.DOTALL);
  private static final int PROFILES = 4;

  private CrashFleet() {}

  /**
   * Writes a fleet of {@code hosts} hosts into {@code out} with {@code bench generate}, in this
   * JVM: it needs no launcher, so it can run while the launcher makes its archive.
   */
  static void generate(Path out, int hosts) {
    AgentProcess.Result generated =
        AgentProcess.inThisJvm(
            "bench", "generate", "--hosts", Integer.toString(hosts), "--out", out.toString());
    assertThat(generated.exit()).as("bench generate: " + generated.both()).isZero();
  }

  /**
   * Writes the older variant of the {@code hosts}-host fleet into {@code out}: every tenth host is
   * not there yet (created by the update), every third has another profile (its PXE files are
   * updated), {@value #EXTRA_OLD_HOSTS} more hosts are there (deleted by the update), the first
   * kernel has other bytes and the PXE menu another title.
   */
  static void generateOlder(Path out, int hosts) {
    generate(out, hosts + EXTRA_OLD_HOSTS);
    try (Stream<Path> files = Files.list(out.resolve("hosts"))) {
      for (Path file : files.toList()) {
        Files.writeString(file, olderHosts(Files.readString(file), hosts));
      }
      Path kernel = out.resolve("kernels/vmlinuz-k0");
      byte[] bytes = Files.readAllBytes(kernel);
      for (int i = 0; i < bytes.length; i += 512) {
        bytes[i] ^= 0x5a;
      }
      Files.write(kernel, bytes);
      Path server = out.resolve("server.yaml");
      String text = Files.readString(server);
      String older = text.replace("title: \"netroot bench fleet\"", "title: \"older bench fleet\"");
      assertThat(older).as("the menu title in " + server).isNotEqualTo(text);
      Files.writeString(server, older);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the older fleet in " + out, e);
    }
  }

  private static String olderHosts(String yaml, int hosts) {
    StringBuilder out = new StringBuilder();
    for (String doc : yaml.split("(?m)^---\\n")) {
      if (doc.isBlank()) {
        continue;
      }
      Matcher host = HOST.matcher(doc);
      assertThat(host.find()).as("a generated host document: " + doc).isTrue();
      int index = Integer.parseInt(host.group(1));
      if (index < hosts && index % 10 == 3) {
        continue;
      }
      if (index < hosts && index % 3 == 0) {
        int other = (Integer.parseInt(host.group(2)) + 1) % PROFILES;
        doc =
            doc.replace("profile: profile" + host.group(2) + "}", "profile: profile" + other + "}");
      }
      out.append("---\n").append(doc);
    }
    return out.toString();
  }

  /** The PXE files of a tree: one of them gets a hand edit. */
  static List<String> pxeFiles(TreeSnapshot tree) {
    return tree.files().keySet().stream()
        .filter(p -> p.matches("srv/tftp/pxelinux\\.cfg/01-.*"))
        .toList();
  }
}
