package io.netroot.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.netroot.spec.Export;
import io.netroot.spec.SpecSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Has the real NFS-Ganesha read a ganesha.conf whose paths, clients and anonymous ids are hostile
 * but accepted, and checks from its log that it read no configuration error and created exactly the
 * exports and clients the specs gave. Ganesha runs in its own PID, network and mount namespaces,
 * with {@code /} read-only but for the test's directory and a private {@code /run}.
 */
class GaneshaConfCheckIT {

  /** Names of directories to export, each with characters Ganesha's lexer reads as syntax. */
  private static final List<String> NAMES =
      List.of(
          "a b#c$d'e(f)g,h=i",
          "x = 1, y",
          "%s %n `id` $(id) *?[a]",
          "é ü\u00a0nbsp",
          "EXPORT_Id=9",
          "-dash ~tilde !bang @at &amp |pipe <lt >gt ^caret");

  private static final Pattern CREATED =
      Pattern.compile("Export (\\d+) created at pseudo \\((.*)\\) with path \\((.*)\\) and tag");
  private static final Pattern LISTED = Pattern.compile("ReadExports :EXPORT :INFO :(.*)$");

  @TempDir Path dir;

  @Test
  void ganeshaReadsHostileButAcceptedValuesAsExactlyTheExportsGiven() throws Exception {
    List<Export> exports = new ArrayList<>();
    for (String name : NAMES) {
      Path exported = Files.createDirectories(dir.resolve("exports").resolve(name));
      exports.add(
          HostileSpecs.export(
              exported.toString(),
              new Export.Client("*", List.of("ro", "anonuid=0100", "anongid=-2")),
              new Export.Client("10.0.0.0/255.255.255.0", List.of("rw", "no_root_squash", "sync")),
              new Export.Client("node[0-9].lab", List.of("ro")),
              new Export.Client("@cluster", List.of())));
    }
    SpecSet seed = RenderFixtures.seed();
    String body =
        new GaneshaExportsRenderer(
                new SpecSet(
                    seed.server(),
                    seed.networks(),
                    seed.kernels(),
                    seed.rootImages(),
                    exports,
                    seed.profiles(),
                    seed.hosts()))
            .blockBody();

    String log = runGanesha(ManagedBlock.HASH_COMMENTS.wrap(body));

    assertThat(log.lines().filter(l -> l.contains("config_errs_to_log")))
        .as("configuration errors Ganesha reported:%n%s", log)
        .isEmpty();
    Map<Integer, String> created = new LinkedHashMap<>();
    Matcher m = CREATED.matcher(log);
    while (m.find()) {
      assertThat(m.group(2)).isEqualTo(m.group(3));
      created.put(Integer.valueOf(m.group(1)), m.group(3));
    }
    Map<Integer, String> expected = new LinkedHashMap<>();
    for (int i = 0; i < exports.size(); i++) {
      expected.put(i + 1, exports.get(i).path());
    }
    assertThat(created).as("exports Ganesha created:%n%s", log).isEqualTo(expected);
    for (int id = 1; id <= exports.size(); id++) {
      assertThat(clientsOf(log, id))
          .containsExactly(
              "MATCH_ANY_CLIENT: *",
              "NETWORK_CLIENT: 10.0.0.0/24",
              "WILDCARDHOST_CLIENT: node[0-9].lab",
              "NETGROUP_CLIENT: cluster");
    }
    assertThat(log).contains("anon_uid=   100", "anon_gid=    -2");
  }

  /** The clients listed under export {@code id}, as {@code TYPE: CLIENT}. */
  private static List<String> clientsOf(String log, int id) {
    List<String> clients = new ArrayList<>();
    boolean inExport = false;
    for (String line : log.lines().toList()) {
      Matcher m = LISTED.matcher(line);
      if (!m.find()) {
        continue;
      }
      String entry = m.group(1);
      if (entry.startsWith("Export ")) {
        inExport = entry.matches("Export +" + id + " pseudo .*");
      } else if (inExport) {
        clients.add(entry.strip().replaceAll(" \\(options=.*$", ""));
      }
    }
    return clients;
  }

  /** Runs ganesha.nfsd on the file until it has read its exports, and returns its log. */
  private String runGanesha(String exportsBlock) throws Exception {
    String ganesha = program("/usr/bin/ganesha.nfsd");
    Path recovery = Files.createDirectories(dir.resolve("recovery"));
    Path config = dir.resolve("ganesha.conf");
    Path log = dir.resolve("ganesha.log");
    Files.writeString(
        config,
        "NFS_CORE_PARAM { Protocols = 3, 4; }\n"
            + "NFSV4 { RecoveryBackend = fs; RecoveryRoot = \""
            + recovery
            + "\"; Graceless = true; }\n"
            + exportsBlock,
        StandardCharsets.UTF_8);
    String script =
        "mount --bind \"$1\" \"$1\" && mount -t tmpfs tmpfs /run"
            + " && mount -o remount,bind,ro / && mkdir -p /run/ganesha"
            + " && exec \"$2\" -F -f \"$1/ganesha.conf\" -L \"$1/ganesha.log\""
            + " -p /run/ganesha/pid -N NIV_INFO";
    Process process =
        new ProcessBuilder(
                "unshare",
                "-p",
                "-f",
                "-n",
                "-m",
                "--kill-child",
                "sh",
                "-c",
                script,
                "sh",
                dir.toString(),
                ganesha)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("unshare.out").toFile())
            .start();
    try {
      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      while (Instant.now().isBefore(deadline)) {
        String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        // lower_my_caps comes after the configuration errors are logged
        if (text.contains("lower_my_caps") || !process.isAlive()) {
          return text;
        }
        Thread.sleep(100);
      }
      return fail(
          "ganesha.nfsd did not read its configuration within 60 seconds:\n"
              + (Files.exists(log)
                  ? Files.readString(log)
                  : Files.readString(dir.resolve("unshare.out"))));
    } finally {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  private static String program(String path) {
    if (!Files.isExecutable(Path.of(path))) {
      fail(
          path
              + " not found: bin/setup installs it (Debian packages nfs-ganesha, nfs-ganesha-vfs)");
    }
    return path;
  }
}
