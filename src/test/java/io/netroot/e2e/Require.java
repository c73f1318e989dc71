package io.netroot.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the end-to-end tests need from the machine. A missing piece fails the test with a message
 * naming it and what provides it: nothing is skipped.
 */
final class Require {

  private static final List<String> PATH =
      List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

  private Require() {}

  /** Namespaces, mounts and daemons on privileged ports need root. */
  static void root() {
    String user = System.getProperty("user.name");
    if (!"root".equals(user)) {
      fail("the end-to-end tests need root (network namespaces, mounts), not " + user);
    }
  }

  /** The absolute path of {@code program}, or a failure naming the Debian package. */
  static String program(String program, String debianPackage) {
    for (String dir : PATH) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    fail(program + " not found: bin/setup installs it (Debian package " + debianPackage + ")");
    return null;
  }

  /** A file that a package or a script provides. */
  static Path file(Path file, String providedBy) {
    if (!Files.exists(file)) {
      fail(file + " not found: " + providedBy);
    }
    return file;
  }

  /** The jar that {@code bin/agent} runs. */
  static void agentJar() {
    file(Path.of("target/netroot.jar"), "mvn package builds it (bin/agent runs it)");
  }
}
