package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netroot.daemon.Agent;
import io.netroot.daemon.Settings;
import io.netroot.os.RootFs;
import io.netroot.os.ServiceBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specs from git: a local bare repository stands in for the remote; the test pushes a good commit,
 * a broken one (the good one stays in force) and a fix. The specs set a short git poll interval.
 */
class AgentGitTest {

  static final Duration SOON = Duration.ofSeconds(8);

  @TempDir Path dir;
  Agent agent;

  @AfterEach
  void tearDown() throws Exception {
    if (agent != null) {
      agent.stop();
      assertThat(agent.awaitStopped(Duration.ofSeconds(5))).isTrue();
    }
  }

  @Test
  void aBrokenCommitIsNotAppliedTheLastGoodStaysAndAFixIsApplied() throws Exception {
    TestBootServer server = new TestBootServer(dir.resolve("server"));
    Path remote = dir.resolve("remote.git");
    Git.init().setBare(true).setInitialBranch("main").setDirectory(remote.toFile()).call().close();
    Path work = dir.resolve("work");
    try (Git git =
        Git.cloneRepository()
            .setURI(remote.toUri().toString())
            .setDirectory(work.toFile())
            .call()) {
      String boot =
          Files.readString(server.specs.resolve("boot.yaml"))
              .replace(
                  "  tftp: {service: tftp}\n",
                  "  tftp: {service: tftp}\n  agent: {git: {url: unused, interval: 200ms}}\n");
      Files.createDirectories(work.resolve("kernels"));
      Files.copy(
          server.specs.resolve("kernels/vmlinuz-nfs1"), work.resolve("kernels/vmlinuz-nfs1"));
      Files.writeString(work.resolve("boot.yaml"), boot);
      RevCommit good = commit(git, work, TestBootServer.DEVBOARD, "good");

      Path empty = Files.createDirectories(dir.resolve("no-local-specs"));
      agent =
          new Agent(
              Settings.of(empty, new RootFs(server.root), ServiceBackend.none())
                  .withInterval(Duration.ofHours(1), Duration.ZERO)
                  .withHttp(0)
                  .withGit(remote.toUri().toString(), "main", dir.resolve("cache")));
      Thread thread = new Thread(agent::run, "agent-under-test");
      thread.start();
      assertThat(agent.awaitFirstPass(Duration.ofSeconds(20))).isTrue();
      Path dhcpd = server.file("/etc/dhcp/dhcpd.conf");
      assertThat(status(server).path("last_error").isNull()).as(status(server).toString()).isTrue();
      assertThat(dhcpd).content().contains("fixed-address 10.0.0.222;");
      assertThat(status(server).path("commit").asText()).isEqualTo(good.name());

      RevCommit broken =
          commit(git, work, TestBootServer.DEVBOARD.replace("10.0.0.222", "10.0.0.150"), "broken");
      Eventually.within(
          SOON,
          () ->
              assertThat(status(server).path("git").path("failed_commit").asText())
                  .isEqualTo(broken.name()));
      JsonNode afterBroken = status(server);
      assertThat(afterBroken.path("commit").asText()).isEqualTo(good.name());
      assertThat(afterBroken.path("git").path("failed_error").asText())
          .contains("hosts.yaml:6:7")
          .contains("dynamic range");
      assertThat(dhcpd).content().contains("fixed-address 10.0.0.222;");
      TestBootServer.Run shown = TestBootServer.run("status", "--root", server.root.toString());
      assertThat(shown.out()).contains("commit " + broken.name() + " NOT applied");

      RevCommit fix =
          commit(git, work, TestBootServer.DEVBOARD.replace("10.0.0.222", "10.0.0.223"), "fix");
      Eventually.within(
          SOON, () -> assertThat(status(server).path("commit").asText()).isEqualTo(fix.name()));
      assertThat(dhcpd).content().contains("fixed-address 10.0.0.223;");
      assertThat(status(server).path("git").path("failed_commit").isNull()).isTrue();
    }
  }

  private static RevCommit commit(Git git, Path work, String hosts, String message)
      throws Exception {
    Files.writeString(work.resolve("hosts.yaml"), hosts);
    git.add().addFilepattern(".").call();
    RevCommit commit =
        git.commit()
            .setMessage(message)
            .setAuthor("test", "test@example.org")
            .setCommitter("test", "test@example.org")
            .call();
    git.push()
        .setRemote("origin")
        .setRefSpecs(new org.eclipse.jgit.transport.RefSpec("HEAD:refs/heads/main"))
        .call();
    return commit;
  }

  private static JsonNode status(TestBootServer server) {
    try {
      return new ObjectMapper().readTree(server.file("/var/lib/netroot/status.json").toFile());
    } catch (java.io.IOException e) {
      throw new AssertionError("no status: " + e);
    }
  }
}
