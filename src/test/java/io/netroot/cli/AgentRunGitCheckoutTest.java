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
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specs from git are applied a whole commit at a time: what a working tree holds mid-checkout is
 * never seen, and each commit is checked out afresh, whatever an earlier checkout cut short left.
 */
class AgentRunGitCheckoutTest {

  static final Duration SOON = Duration.ofSeconds(8);
  static final String OTHER =
      """
      apiVersion: netroot/v1
      kind: Host
      metadata: {name: other}
      spec:
        mac: 08:00:2b:4c:59:24
        ip: 10.0.0.224
        profile: nfs-centos55
      """;

  @TempDir Path dir;
  Agent agent;

  @AfterEach
  void tearDown() throws Exception {
    if (agent != null) {
      agent.stop();
      assertThat(agent.awaitStopped(SOON)).isTrue();
    }
  }

  @Test
  void aCommitMovingAHostBetweenFilesIsAppliedWholeAndAStaleCheckoutIsNotReused() throws Exception {
    TestBootServer server = new TestBootServer(dir.resolve("server"));
    Path remote = dir.resolve("remote.git");
    Git.init().setBare(true).setInitialBranch("main").setDirectory(remote.toFile()).call().close();
    Path work = dir.resolve("work");
    Path cache = dir.resolve("cache");
    try (Git git =
        Git.cloneRepository()
            .setURI(remote.toUri().toString())
            .setDirectory(work.toFile())
            .call()) {
      Files.createDirectories(work.resolve("kernels"));
      Files.copy(
          server.specs.resolve("kernels/vmlinuz-nfs1"), work.resolve("kernels/vmlinuz-nfs1"));
      Files.writeString(
          work.resolve("boot.yaml"),
          Files.readString(server.specs.resolve("boot.yaml"))
              .replace(
                  "  tftp: {service: tftp}\n",
                  "  tftp: {service: tftp}\n  agent: {git: {url: unused, interval: 200ms}}\n"));
      Files.writeString(work.resolve("hosts-a.yaml"), TestBootServer.DEVBOARD);
      Files.writeString(work.resolve("hosts-b.yaml"), OTHER);
      RevCommit first = commit(git, "two hosts in two files");

      agent =
          new Agent(
              Settings.of(
                      Files.createDirectories(dir.resolve("no-local-specs")),
                      new RootFs(server.root),
                      ServiceBackend.none())
                  .withInterval(Duration.ofHours(1), Duration.ZERO)
                  .withHttp(0)
                  .withGit(remote.toUri().toString(), "main", cache));
      new Thread(agent::run, "agent-under-test").start();
      assertThat(agent.awaitFirstPass(Duration.ofSeconds(30))).isTrue();
      assertThat(status(server).path("commit").asText()).isEqualTo(first.name());
      Path devboard = server.file(AgentRunTest.HOST_FILE);
      String devboardFile = Files.readString(devboard);

      // mid-checkout: devboard gone from one file, not yet in the other; nothing committed
      Files.writeString(work.resolve("hosts-a.yaml"), "");
      long passes = agent.passes();
      agent.requestPass("test");
      Eventually.within(SOON, () -> assertThat(agent.passes()).isGreaterThan(passes + 1));
      assertThat(devboard).as("a working tree is never read").hasContent(devboardFile);

      Files.writeString(work.resolve("hosts-b.yaml"), OTHER + "---\n" + TestBootServer.DEVBOARD);
      git.rm().addFilepattern("hosts-a.yaml").call();
      RevCommit moved = commit(git, "devboard moves to hosts-b.yaml, hosts-a.yaml goes", false);
      // what a checkout of that commit cut short by a kill would have left: the old hosts-a.yaml
      Path stale = Files.createDirectories(cache.resolve("commits").resolve(moved.name()));
      Files.writeString(stale.resolve("hosts-a.yaml"), TestBootServer.DEVBOARD);
      push(git);

      Eventually.within(
          SOON, () -> assertThat(status(server).path("commit").asText()).isEqualTo(moved.name()));
      JsonNode status = status(server);
      assertThat(status.path("git").path("failed_commit").isNull())
          .as("the stale file would make devboard a duplicate: %s", status)
          .isTrue();
      assertThat(status.path("ready").asBoolean()).isTrue();
      assertThat(devboard).hasContent(devboardFile);
      assertThat(server.file("/etc/dhcp/dhcpd.conf"))
          .content()
          .containsOnlyOnce("fixed-address 10.0.0.222;")
          .contains("fixed-address 10.0.0.224;");
    }
  }

  private static RevCommit commit(Git git, String message) throws Exception {
    return commit(git, message, true);
  }

  private static RevCommit commit(Git git, String message, boolean push) throws Exception {
    git.add().addFilepattern(".").call();
    RevCommit commit =
        git.commit()
            .setMessage(message)
            .setAuthor("test", "test@example.org")
            .setCommitter("test", "test@example.org")
            .call();
    if (push) {
      push(git);
    }
    return commit;
  }

  private static void push(Git git) throws Exception {
    git.push().setRemote("origin").setRefSpecs(new RefSpec("HEAD:refs/heads/main")).call();
  }

  private static JsonNode status(TestBootServer server) {
    try {
      return new ObjectMapper().readTree(server.file("/var/lib/netroot/status.json").toFile());
    } catch (java.io.IOException e) {
      throw new AssertionError("no status: " + e);
    }
  }
}
