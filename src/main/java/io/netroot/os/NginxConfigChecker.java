package io.netroot.os;

import io.netroot.NetrootException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Checks netroot's candidate nginx drop-in with nginx's own parser, {@code nginx -t}, on a main
 * configuration of the check's own that includes the candidate inside its {@code http} block, as
 * {@code nginx.conf} includes {@code conf.d/*.conf}. The admin's {@code nginx.conf} and sites are
 * not part of the check, and nothing of this machine's nginx (its pid file, logs, temporary
 * directories) is used: they all point into a private temporary directory, removed afterwards.
 *
 * <p>{@code nginx -t} binds the addresses it checks, so the drop-in listens on a port on every
 * address; a port already in use is not an error of the check (nginx tolerates it when testing).
 */
public final class NginxConfigChecker implements ConfigChecker {

  private final Optional<Path> nginx;
  private final CommandRunner runner = new CommandRunner(60);

  public NginxConfigChecker() {
    this(CommandRunner.find("nginx"));
  }

  NginxConfigChecker(Optional<Path> nginx) {
    this.nginx = nginx;
  }

  @Override
  public String name() {
    return "nginx -t";
  }

  @Override
  public boolean available() {
    return nginx.isPresent();
  }

  @Override
  public Verdict check(byte[] candidate, String ownPart) {
    Path program = nginx.orElseThrow(() -> new NetrootException("nginx is not installed"));
    Path dir;
    try {
      dir = Files.createTempDirectory("netroot-nginx");
    } catch (IOException e) {
      throw new NetrootException("cannot check the nginx drop-in: " + e.getMessage(), e);
    }
    try {
      Path dropIn = dir.resolve("netroot.conf");
      Files.write(dropIn, candidate);
      Path main = dir.resolve("nginx.conf");
      Files.writeString(main, mainConfig(dir, dropIn));
      CommandRunner.Result result =
          runner.run(
              List.of(
                  program.toString(),
                  "-t",
                  "-q",
                  "-p",
                  dir.toString(),
                  "-e",
                  "stderr",
                  "-c",
                  main.toString()));
      List<String> said = messages(result.output(), dropIn.toString());
      if (!result.ok() && onlyBindRefused(said)) {
        // not a fault of the file: a user other than root may not bind a port below 1024
        return Verdict.accepted(
            List.of(
                "nginx -t could not bind the port as this user, so the file was checked but its"
                    + " port was not: "
                    + String.join("; ", said)));
      }
      if (!result.ok()) {
        return Verdict.refused(
            said.isEmpty()
                ? "nginx printed no reason (exit code " + result.exitCode() + ")"
                : String.join("\n", said));
      }
      return Verdict.accepted(said);
    } catch (IOException e) {
      throw new NetrootException("cannot check the nginx drop-in: " + e.getMessage(), e);
    } finally {
      removeAll(dir);
    }
  }

  /**
   * A main configuration that needs nothing of this machine's nginx: its pid file and temporary
   * directory in {@code dir}, errors to stderr, the candidate included in {@code http}.
   */
  static String mainConfig(Path dir, Path dropIn) {
    return """
        pid %1$s/nginx.pid;
        error_log stderr;
        events {}
        http {
            access_log off;
            client_body_temp_path %1$s/client_body;
            include %2$s;
        }
        """
        .formatted(dir, dropIn);
  }

  /**
   * nginx's lines, the candidate's temporary name shown as {@code <candidate nginx drop-in>}, less
   * the lines giving the verdict (the check's own temporary main file) and the timestamps before
   * each message.
   */
  static List<String> messages(String output, String candidatePath) {
    List<String> said = new ArrayList<>();
    for (String line : output.split("\n")) {
      String text = line.strip();
      if (text.isEmpty()
          || text.startsWith("nginx: the configuration file")
          || text.startsWith("nginx: configuration file")) {
        // "syntax is ok", "test is successful", "test failed": the verdict says it
        continue;
      }
      // "2026/11/30 07:05:36 [emerg] 28135#28135: message": keep from the level on
      int level = text.indexOf(" [");
      if (level > 0 && Character.isDigit(text.charAt(0))) {
        text = text.substring(level + 1);
        text = text.replaceFirst("^(\\[\\w+\\]) \\d+#\\d+: ", "$1 ");
      }
      said.add(text.replace(candidatePath, "<candidate nginx drop-in>"));
    }
    return said;
  }

  /** Whether every error nginx gave is a port it was not allowed to bind. */
  static boolean onlyBindRefused(List<String> said) {
    List<String> errors = said.stream().filter(l -> l.startsWith("[emerg]")).toList();
    return !errors.isEmpty()
        && errors.stream()
            .allMatch(l -> l.contains("bind() to") && l.contains("(13: Permission denied)"));
  }

  private static void removeAll(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(NginxConfigChecker::delete);
    } catch (IOException ignored) {
      // a stray directory in the temp directory is harmless
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // as above
    }
  }
}
