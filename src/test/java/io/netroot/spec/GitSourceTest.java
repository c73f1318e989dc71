package io.netroot.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GitSourceTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://git.example.org/boot-specs.git",
        "https://user:token@git.example.org:8443/boot-specs.git",
        "http://git.example.org/specs",
        "ssh://git@git.example.org:2222/specs.git",
        "git://git.example.org/specs.git",
        "file:///srv/specs.git",
        "https://[2001:db8::1]/specs.git",
        "git@github.com:example/specs.git",
        "example.org:specs.git",
        "/srv/specs.git",
        "specs.git",
        "../specs"
      })
  void gitUrlsOfEveryTransportAreAccepted(String url) {
    assertThat(GitSource.urlProblem(url)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "-uexploit",
        "--upload-pack=touch /tmp/x",
        "ssh://-oProxyCommand=x/specs",
        "https://-x.example.org/specs",
        "ext::sh",
        "fd::17",
        "ftp://example.org/specs",
        "https://git.example.org/x\ny",
        "https://git.example.org/a b",
        "https://git.example.org/\u0000",
        "https://git.exämple.org/",
        "-host:path",
        "user@-host:path"
      })
  void gitUrlsThatCouldBeOptionsCommandsOrHoldControlsAreRefused(String url) {
    assertThat(GitSource.urlProblem(url)).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"main", "release/2024", "feature_x", "v1.2", "a+b"})
  void branchNamesAreAccepted(String branch) {
    assertThat(GitSource.branchProblem(branch)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "-x",
        "--upload-pack=x",
        ".hidden",
        "/main",
        "main/",
        "a..b",
        "a//b",
        "a/.b",
        "main.lock",
        "main.",
        "a b",
        "a\nb",
        "a~1",
        "a^",
        "a:b",
        "a@{1}"
      })
  void branchNamesGitWouldRefuseOrReadAsOptionsAreRefused(String branch) {
    assertThat(GitSource.branchProblem(branch)).isNotNull();
  }
}
