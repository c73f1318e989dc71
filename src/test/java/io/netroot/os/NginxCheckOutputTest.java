package io.netroot.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What people see of {@code nginx -t}'s output, and when a refusal is only about the port. */
class NginxCheckOutputTest {

  private static final String CANDIDATE = "/tmp/netroot-nginx123/netroot.conf";

  @Test
  void theTimestampAndPidGoAndTheCandidateIsNamedForPeople() {
    List<String> said =
        NginxConfigChecker.messages(
            "2026/11/30 07:05:36 [emerg] 28135#28135: invalid parameter \"off\" in "
                + CANDIDATE
                + ":8\nnginx: configuration file /tmp/netroot-nginx123/nginx.conf test failed\n",
            CANDIDATE);
    assertThat(said)
        .containsExactly("[emerg] invalid parameter \"off\" in <candidate nginx drop-in>:8");
    assertThat(NginxConfigChecker.onlyBindRefused(said)).isFalse();
  }

  @Test
  void aPortThisUserMayNotBindIsNotAFaultOfTheFile() {
    List<String> said =
        NginxConfigChecker.messages(
            "2026/11/30 07:05:36 [emerg] 1#1: bind() to 0.0.0.0:80 failed (13: Permission denied)\n"
                + "nginx: configuration file /tmp/x/nginx.conf test failed\n",
            CANDIDATE);
    assertThat(NginxConfigChecker.onlyBindRefused(said)).isTrue();
    assertThat(
            NginxConfigChecker.onlyBindRefused(
                List.of(
                    "[emerg] bind() to 10.9.9.9:80 failed (99: Cannot assign requested address)")))
        .isFalse();
  }

  @Test
  void theMainConfigurationNeedsNothingOfThisMachinesNginx() {
    String main =
        NginxConfigChecker.mainConfig(Path.of("/tmp/netroot-nginx1"), Path.of("/tmp/c.conf"));
    assertThat(main)
        .contains("pid /tmp/netroot-nginx1/nginx.pid;")
        .contains("error_log stderr;")
        .contains("include /tmp/c.conf;")
        .doesNotContain("/etc/nginx", "/var/log", "/run/");
  }
}
