package io.netroot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Debian package as an admin installs it: {@code apt-get install -y ./netroot_*_all.deb} (the
 * one {@code mvn package} built), then the command, its manual page, its bash and zsh completion
 * and the systemd unit, then {@code apt-get purge -y netroot}, which must leave nothing the package
 * installed but keep the admin's specs and backups.
 *
 * <p>Isolation: all of it happens in a Debian bookworm root that mmdebstrap builds for this test in
 * a new directory under {@code target/} (essential packages, apt, and the tools the checks use:
 * man-db, bash-completion, zsh, systemd), entered with {@code chroot}. apt resolves the package's
 * Depends and Recommends there from the archive, as on a fresh server. Nothing is mounted over this
 * machine's {@code /etc}, {@code /usr} or {@code /var}: the root is a separate tree, so a step that
 * fails cannot write to the real ones, where with overlay mounts over them a mount that did not
 * happen would let {@code apt-get} install into the real system. Each step runs in new mount and
 * PID namespaces ({@code unshare --kill-child}), with its own {@code /proc} and {@code /dev/pts}:
 * its mounts go when it ends, and so does every process it started, a daemon too; only the install
 * step has the network. A policy-rc.d in the root keeps the recommended daemons (dhcpd, tftpd, the
 * NFS server) from starting. The downloaded packages are kept in {@link E2eBootServer#PACKAGES},
 * shared with that test, so each is downloaded once; apt here works on a directory of links to them
 * ({@link #archives}), never on the shared one.
 *
 * <p>Every step is bounded in time; the root is removed at the end, after checking that nothing is
 * mounted in it. The steps' output is kept in {@code target/deb-it-logs/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DebPackageIT {

  static final Duration BUILD_TIMEOUT = Duration.ofMinutes(20);
  static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(15);
  static final Duration STEP_TIMEOUT = Duration.ofMinutes(3);

  /** What the checks run in the root, besides what the package pulls in. */
  static final List<String> TOOLS = List.of("man-db", "bash-completion", "zsh", "systemd");

  static final Path LOGS = Path.of("target/deb-it-logs").toAbsolutePath();

  Path deb;
  Path work;
  Path root;

  /**
   * The root's apt archive: this run's own directory, filled with links to the shared cache's
   * packages before the build and giving back what apt downloaded after each step, so that no apt
   * of this test holds the shared cache's lock, which another test's apt may need, or waits for it.
   */
  Path archives;

  /** What a step printed (stdout and stderr) and how it ended. */
  record Step(int exit, String output) {}

  @BeforeAll
  void buildTheRootAndInstallThePackage() throws Exception {
    Require.root();
    String mmdebstrap = Require.program("mmdebstrap", "mmdebstrap");
    Require.program("unshare", "util-linux");
    deb = theDeb();
    Files.createDirectories(E2eBootServer.PACKAGES);
    Files.createDirectories(LOGS);
    work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "deb-it-");
    root = work.resolve("root");
    archives = work.resolve("archives");
    Files.createDirectories(archives.resolve("partial"));
    share(E2eBootServer.PACKAGES, archives);

    List<String> build = new ArrayList<>(namespaces(true));
    build.addAll(
        List.of(
            "--mount-proc",
            mmdebstrap,
            "--mode=root",
            "--format=directory",
            "--variant=apt",
            "--include=" + String.join(",", TOOLS),
            // the downloads land in the shared cache and stay there
            "--skip=essential/unlink",
            // apt-get install of the package resolves from the lists mmdebstrap fetched
            "--skip=cleanup/apt/lists",
            "--setup-hook=mkdir -p \"$1/var/cache/apt/archives\"",
            "--setup-hook=mount --bind " + archives + " \"$1/var/cache/apt/archives\"",
            "--customize-hook=umount \"$1/var/cache/apt/archives\"",
            "bookworm",
            root.toString()));
    Step built = run("mmdebstrap", build, BUILD_TIMEOUT);
    share(archives, E2eBootServer.PACKAGES);
    assertThat(built.exit()).as(tail(built)).isZero();

    Files.copy(deb, root.resolve("tmp").resolve(deb.getFileName()));
    Path policy = root.resolve("usr/sbin/policy-rc.d");
    Files.writeString(policy, "#!/bin/sh\n# no daemon starts in this test root\nexit 101\n");
    policy.toFile().setExecutable(true);

    Step installed =
        inRoot(
            "install",
            "cd /tmp && DEBIAN_FRONTEND=noninteractive apt-get install -y ./" + deb.getFileName(),
            INSTALL_TIMEOUT,
            true);
    share(archives, E2eBootServer.PACKAGES);
    assertThat(installed.exit()).as(tail(installed)).isZero();
    assertThat(installed.output()).contains("Setting up netroot (");
  }

  @AfterAll
  void removeTheRoot() throws Exception {
    if (work == null) {
      return;
    }
    // every mount was made in a namespace that is gone; never remove through one that is not
    String mounts = Files.readString(Path.of("/proc/self/mountinfo"));
    if (mounts.contains(work.toString())) {
      fail("still mounted under " + work + ", left in place:\n" + mounts);
    }
    Process rm = new ProcessBuilder("rm", "-rf", "--one-file-system", work.toString()).start();
    assertThat(rm.waitFor(5, TimeUnit.MINUTES)).as("rm -rf " + work).isTrue();
  }

  @Test
  @Order(1)
  void theDependenciesAndRecommendationsResolveOnBookworm() throws Exception {
    Step packages =
        inRoot(
            "packages",
            "dpkg-query -W -f '${Package} ${db:Status-Abbrev}\\n' netroot default-jre-headless"
                + " isc-dhcp-server tftpd-hpa nfs-kernel-server pxelinux syslinux-common"
                + " syslinux-efi");
    assertThat(packages.exit()).as(packages.output()).isZero();
    assertThat(packages.output().lines())
        .as("installed, with the recommended servers and bootloaders")
        .hasSize(8)
        .allMatch(line -> line.endsWith(" ii "), "ii");
  }

  @Test
  @Order(2)
  void netrootAgentIsOnThePathAndNamesItsVersionAndCommit() throws Exception {
    Step version = inRoot("version", "command -v netroot-agent && netroot-agent --version");
    assertThat(version.exit()).as(version.output()).isZero();
    String built = hostVersion();
    assertThat(version.output())
        .isEqualTo("/usr/bin/netroot-agent\n" + built + "\n")
        .matches("(?s).*netroot \\S+ \\(commit ([0-9a-f]{12}(-dirty)?|unknown)\\)\n");
    // the launcher made its class archive where the package lets it, not beside the jar (where
    // only the package's own files are: the launcher, the jar and the schema for editors)
    assertThat(root.resolve("var/cache/netroot/netroot.jsa")).isRegularFile();
    try (Stream<Path> shared = Files.list(root.resolve("usr/share/netroot"))) {
      assertThat(shared.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("agent", "netroot.jar", "netroot.schema.json");
    }

    Step validate =
        inRoot(
            "validate",
            "netroot-agent validate --specs /usr/share/doc/netroot/examples/lab"
                + " && netroot-agent plan --help");
    assertThat(validate.exit()).as(validate.output()).isZero();
    assertThat(validate.output()).contains("valid (2 networks").contains("--detailed-exitcode");
  }

  @Test
  @Order(3)
  void theManualPageIsFoundAndReadsWithoutWarnings() throws Exception {
    Step where = inRoot("man-w", "man -w netroot-agent");
    assertThat(where.exit()).as(where.output()).isZero();
    assertThat(where.output()).isEqualTo("/usr/share/man/man1/netroot-agent.1.gz\n");

    Step page = inRoot("man", "MANWIDTH=80 man -P cat netroot-agent 2>/dev/null");
    assertThat(page.exit()).as(page.output()).isZero();
    assertThat(page.output())
        .contains("NETROOT-AGENT(1)", "SYNOPSIS", "EXIT STATUS", "/etc/default/netroot")
        .contains("netroot-agent plan", "--detailed-exitcode", "netroot-agent images rollback");
    // groff's warnings (-ww) about the page go to stderr; whatis reads the NAME line
    Step lint =
        inRoot(
            "man-lint",
            "man --warnings=w -P cat netroot-agent 2>&1 >/dev/null; whatis -l netroot-agent");
    assertThat(lint.output())
        .isEqualTo(
            "netroot-agent (1)    - keeps a diskless network-boot server (DHCP, TFTP/PXE, NFS)"
                + " as the specs describe it\n");
  }

  @Test
  @Order(4)
  void bashLoadsTheCompletionAndItCompletesCommandsAndOptions() throws Exception {
    Step loaded =
        inRoot(
            "bash-completion",
            "bash -c '. /usr/share/bash-completion/completions/netroot-agent"
                + " && complete -p netroot-agent'");
    assertThat(loaded.exit()).as(loaded.output()).isZero();
    assertThat(loaded.output())
        .isEqualTo("complete -o default -F _complete_netroot-agent" + " netroot-agent\n");

    // as an interactive shell finds it: bash-completion's loader, by the command's name (it
    // returns 124 once it loaded one); compopt outside a real completion complains on stderr
    String complete =
        "bash -c '. /usr/share/bash-completion/bash_completion;"
            + " _completion_loader netroot-agent; complete -p netroot-agent >/dev/null"
            + " && COMP_WORDS=(netroot-agent %s) && COMP_CWORD=%d"
            + " && _complete_netroot-agent 2>/dev/null; echo \"${COMPREPLY[*]}\"'";
    Step command = inRoot("bash-complete-command", String.format(complete, "pl", 1));
    assertThat(command.output()).isEqualTo("plan\n");
    Step option = inRoot("bash-complete-option", String.format(complete, "plan --detailed", 2));
    assertThat(option.output()).isEqualTo("--detailed-exitcode\n");
  }

  @Test
  @Order(5)
  void zshFindsTheCompletionAndCompletesACommand() throws Exception {
    Step found =
        inRoot(
            "zsh-compinit",
            "zsh -f -c 'autoload -U compinit && compinit -u -D"
                + " && print -r -- $_comps[netroot-agent]'");
    assertThat(found.output()).isEqualTo("_netroot-agent\n");

    // an interactive zsh on a terminal of its own: "netroot-agent pl" and Tab, then the line is
    // printed, so the completion's result shows
    Files.writeString(
        root.resolve("tmp/complete.zsh"),
        """
        zmodload zsh/zpty
        zpty z 'TERM=vt100 zsh -f -i'
        zpty -w z 'PS1="> "; autoload -U compinit && compinit -u -D; print compinit-done'
        zpty -r z line '*compinit-done*'
        zpty -w -n z $'netroot-agent pl\\t'
        sleep 3
        zpty -w -n z $'\\C-a print -r -- LINE: \\n'
        out=
        for i in {1..40}; do
          zpty -r -t z chunk && out+=$chunk
          [[ $out == *'LINE: netroot'*$'\\n'* ]] && break
          sleep 0.5
        done
        zpty -d z
        print -r -- ${${(M)${(f)out}:#LINE: netroot*}//$'\\r'/}
        """,
        StandardCharsets.UTF_8);
    Step completed = inRoot("zsh-complete", "zsh -f /tmp/complete.zsh");
    assertThat(completed.output()).as(completed.output()).isEqualTo("LINE: netroot-agent plan\n");
  }

  @Test
  @Order(6)
  void theInstalledUnitIsTheRepositorysVerifiedAndNotEnabled() throws Exception {
    Path installed = root.resolve("usr/lib/systemd/system/netroot-agent.service");
    assertThat(installed).hasSameTextualContentAs(Path.of("systemd/netroot-agent.service"));
    // systemd is not PID 1 here; verify reads the unit offline, finds ExecStart= and the man page
    Step verify =
        inRoot("systemd-verify", "systemd-analyze verify netroot-agent.service && echo verified");
    assertThat(verify.output()).as(verify.output()).isEqualTo("verified\n");

    Step enabled = inRoot("is-enabled", "systemctl is-enabled netroot-agent.service");
    assertThat(enabled.output()).isEqualTo("disabled\n");
    // the settings file is all comments: the service runs on the unit's defaults
    assertThat(Files.readAllLines(root.resolve("etc/default/netroot")))
        .allMatch(line -> line.isEmpty() || line.startsWith("#"));
  }

  @Test
  @Order(7)
  void purgeRemovesWhatThePackageInstalledAndKeepsTheAdminsFiles() throws Exception {
    // the admin's specs, an enabled service, and what the agent keeps under /var/lib/netroot
    Step before =
        inRoot(
            "before-purge",
            String.join(
                "\n",
                "set -e",
                "cp /usr/share/doc/netroot/examples/seed/netroot.yaml /etc/netroot/specs/site.yaml",
                "systemctl enable netroot-agent.service",
                "test -L /etc/systemd/system/multi-user.target.wants/netroot-agent.service",
                "mkdir -p /var/lib/netroot && cd /var/lib/netroot",
                "echo '{}' > state.json; echo '{}' > status.json; : > lock",
                "mkdir -p git/objects images in-place/etc backups/20240101T000000Z-1/etc/dhcp",
                "echo hand-edited > backups/20240101T000000Z-1/etc/dhcp/dhcpd.conf",
                "echo '{\"id\":\"20240101T000000Z-1\"}' > backups/index.jsonl",
                "dpkg-query -L netroot > /tmp/netroot.files"));
    assertThat(before.exit()).as(before.output()).isZero();

    Step purge = inRoot("purge", "DEBIAN_FRONTEND=noninteractive apt-get purge -y netroot");
    assertThat(purge.exit()).as(tail(purge)).isZero();
    assertThat(purge.output()).contains("netroot: kept /var/lib/netroot");

    // every path the package had: a file must be gone; a directory may stay only if it is not
    // empty and another package owns it, or it holds the admin's specs
    Step left =
        inRoot(
            "after-purge",
            String.join(
                "\n",
                "while read -r p; do",
                "  [ \"$p\" = /. ] && continue",
                "  if [ -e \"$p\" ] || [ -L \"$p\" ]; then",
                // the package ships no links: one there now (/lib, merged into /usr) is the
                // system's
                "    if [ -d \"$p\" ] && [ -n \"$(ls -A \"$p\")\" ] \\",
                "      && { [ -L \"$p\" ] || dpkg-query -S \"$p\" >/dev/null 2>&1; }; then continue; fi",
                "    echo \"left: $p\"",
                "  fi",
                "done < /tmp/netroot.files",
                "dpkg-query -W -f '${db:Status-Abbrev}\\n' netroot 2>&1 || true"));
    assertThat(left.output())
        .as("what the purge left")
        .isEqualTo(
            "left: /etc/netroot\nleft: /etc/netroot/specs\n"
                + "dpkg-query: no packages found matching netroot\n");
    assertThat(root.resolve("etc/netroot/specs/site.yaml")).as("the admin's spec").isRegularFile();
    try (Stream<Path> specs = Files.list(root.resolve("etc/netroot/specs"))) {
      assertThat(specs.map(p -> p.getFileName().toString())).containsExactly("site.yaml");
    }
    assertThat(root.resolve("etc/default/netroot")).doesNotExist();
    assertThat(root.resolve("var/cache/netroot")).doesNotExist();
    assertThat(root.resolve("etc/systemd/system/multi-user.target.wants/netroot-agent.service"))
        .doesNotExist();
    // the package's records are gone; the copies of hand-edited files stay
    try (Stream<Path> state = Files.list(root.resolve("var/lib/netroot"))) {
      assertThat(state.map(p -> p.getFileName().toString())).containsExactly("backups");
    }
    assertThat(root.resolve("var/lib/netroot/backups/20240101T000000Z-1/etc/dhcp/dhcpd.conf"))
        .hasContent("hand-edited");
  }

  /**
   * Puts every package file of {@code from} that {@code to} lacks into {@code to}: a hard link, or
   * where the two are on different file systems a copy renamed into place, so that an apt reading
   * {@code to} never sees half a file.
   */
  static void share(Path from, Path to) throws IOException {
    try (Stream<Path> debs = Files.list(from)) {
      for (Path deb : debs.filter(p -> p.getFileName().toString().endsWith(".deb")).toList()) {
        Path target = to.resolve(deb.getFileName());
        if (Files.exists(target)) {
          continue;
        }
        try {
          Files.createLink(target, deb);
        } catch (FileAlreadyExistsException e) {
          // another run put it there meanwhile
        } catch (IOException e) {
          Path part = to.resolve(deb.getFileName() + ".part");
          Files.copy(deb, part, StandardCopyOption.REPLACE_EXISTING);
          Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        }
      }
    }
  }

  /** The package {@code mvn package} built: exactly one. */
  static Path theDeb() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      List<Path> debs =
          files.filter(p -> p.getFileName().toString().matches("netroot_.+_all\\.deb")).toList();
      if (debs.size() != 1) {
        fail(
            "expected one target/netroot_*_all.deb (mvn package builds it with bin/build-deb,"
                + " which needs dpkg-deb), found "
                + debs);
      }
      return debs.get(0).toAbsolutePath();
    }
  }

  /** What {@code --version} of the jar the package was built from prints. */
  static String hostVersion() throws Exception {
    Step step =
        run(
            "host-version",
            List.of("java", "-jar", Path.of("target/netroot.jar").toString(), "--version"),
            STEP_TIMEOUT);
    assertThat(step.exit()).as(step.output()).isZero();
    return step.output().strip();
  }

  /**
   * unshare's options for one step: new mount and PID namespaces, the process tree killed when
   * unshare ends (or is killed), and with {@code network} false a new, empty network namespace.
   */
  static List<String> namespaces(boolean network) {
    List<String> c =
        new ArrayList<>(
            List.of(
                "unshare",
                "--mount",
                "--pid",
                "--fork",
                "--kill-child",
                "--propagation",
                "private"));
    if (!network) {
      c.add("--net");
    }
    return c;
  }

  Step inRoot(String name, String script) throws Exception {
    return inRoot(name, script, STEP_TIMEOUT, false);
  }

  /**
   * Runs {@code script} with {@code sh} in the test root, in namespaces of its own with the root's
   * {@code /proc} and a new {@code /dev/pts}; with {@code network}, the package cache is bound on
   * the root's apt archive directory.
   */
  Step inRoot(String name, String script, Duration limit, boolean network) throws Exception {
    String r = root.toString();
    List<String> command = new ArrayList<>(namespaces(network));
    command.add("--mount-proc=" + r + "/proc");
    command.addAll(
        List.of(
            "sh",
            "-c",
            String.join(
                "\n",
                "set -e",
                "mount -t devpts -o newinstance,ptmxmode=0666 devpts \"$1/dev/pts\"",
                "mount --bind \"$1/dev/pts/ptmx\" \"$1/dev/ptmx\"",
                "if [ -n \"$3\" ]; then mount --bind \"$3\" \"$1/var/cache/apt/archives\"; fi",
                "exec chroot \"$1\" /bin/sh -c \"$2\""),
            "sh",
            r,
            script,
            network ? archives.toString() : ""));
    return run(name, command, limit);
  }

  /**
   * Runs {@code command}, its output in {@link #LOGS}; one still running after {@code limit} is
   * killed.
   */
  static Step run(String name, List<String> command, Duration limit) throws Exception {
    Files.createDirectories(LOGS);
    Path log = LOGS.resolve(name + ".log");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    long started = System.nanoTime();
    if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
      // unshare --kill-child takes the whole tree with it
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
      fail(name + " did not finish within " + limit + ":\n" + tail(Files.readString(log)));
    }
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    System.out.println("DebPackageIT: " + name + " took " + seconds + " s");
    return new Step(process.exitValue(), Files.readString(log));
  }

  static String tail(Step step) {
    return "exit " + step.exit() + ":\n" + tail(step.output());
  }

  /** The last 40 lines. */
  static String tail(String output) {
    List<String> lines = output.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }
}
