package io.netroot.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a naive copy of a root image loses beyond owners and modes, set and read with the real tools
 * ({@code setcap}/{@code getcap} from libcap2-bin, {@code setfattr}/{@code getfattr} from attr,
 * {@code setfacl}/{@code getfacl} from acl): a file capability, a {@code user.*} attribute and a
 * POSIX ACL entry. Needs root, as CI has.
 */
public final class ExtendedAttributes {

  /** The capability {@code ping} needs to send ICMP without being set-uid. */
  public static final String CAPABILITY = "cap_net_raw=ep";

  private ExtendedAttributes() {}

  /** Gives {@code file} the capability, {@code user.netroot-test=kept} and an ACL for uid 4321. */
  public static void decorate(Path file) {
    run("setcap", CAPABILITY, file.toString());
    run("setfattr", "-n", "user.netroot-test", "-v", "kept", file.toString());
    run("setfacl", "-m", "u:4321:r", file.toString());
  }

  /** Gives the directory {@code dir} a default ACL, inherited by what is created in it. */
  public static void decorateDirectory(Path dir) {
    run("setfacl", "-d", "-m", "u:4321:rx", dir.toString());
  }

  /** The capabilities of {@code file} as getcap shows them ({@code cap_net_raw=ep}), or empty. */
  public static String capabilities(Path file) {
    String out = run("getcap", file.toString()).strip();
    return out.isEmpty() ? "" : out.substring(out.lastIndexOf(' ') + 1);
  }

  /** The value of the attribute {@code name} of {@code file}, or empty when it has none. */
  public static String attribute(Path file, String name) {
    List<String> command =
        List.of("getfattr", "--absolute-names", "--only-values", "-n", name, file.toString());
    return runAllowingFailure(command);
  }

  /** The ACL of {@code file} with numeric ids, as getfacl prints it without its header. */
  public static String acl(Path file) {
    return run("getfacl", "-n", "-p", "--omit-header", file.toString());
  }

  /** Runs a command, which must succeed, and returns its output. */
  public static String run(String... command) {
    Result r = exec(List.of(command));
    assertThat(r.exit()).as(String.join(" ", command) + ": " + r.out()).isZero();
    return r.out();
  }

  private static String runAllowingFailure(List<String> command) {
    Result r = exec(command);
    return r.exit() == 0 ? r.out() : "";
  }

  private record Result(int exit, String out) {}

  private static Result exec(List<String> command) {
    try {
      Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Result(p.waitFor(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
