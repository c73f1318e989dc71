package io.netroot.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A git URL is shown without its secret, and JGit is given it without the secret. */
class GitRemoteTest {

  @Test
  void theHttpsPasswordIsReplacedAndTheUserKept() {
    GitRemote remote = GitRemote.parse("https://deploy:glpat-s3cret@git.example.org/specs.git");
    assertThat(remote.shown()).isEqualTo("https://deploy:***@git.example.org/specs.git");
    assertThat(remote.fetchUrl()).isEqualTo("https://git.example.org/specs.git");
    assertThat(remote.user()).isEqualTo("deploy");
    assertThat(remote.password()).isEqualTo("glpat-s3cret");
  }

  @Test
  void theSshPasswordIsReplacedAndTheUserStaysInTheFetchedUrl() {
    GitRemote remote = GitRemote.parse("ssh://git:s3cret@git.example.org:2222/specs.git");
    assertThat(remote.shown()).isEqualTo("ssh://git:***@git.example.org:2222/specs.git");
    assertThat(remote.fetchUrl()).isEqualTo("ssh://git@git.example.org:2222/specs.git");
    assertThat(remote.userInFetchUrl()).isTrue();
  }

  @Test
  void aTokenAsTheHttpsUserIsHiddenToo() {
    GitRemote remote = GitRemote.parse("https://ghp_0123456789abcdef@github.com/org/specs.git");
    assertThat(remote.shown()).isEqualTo("https://***@github.com/org/specs.git");
    assertThat(remote.fetchUrl()).isEqualTo("https://github.com/org/specs.git");
    assertThat(remote.user()).isEqualTo("ghp_0123456789abcdef");
    assertThat(remote.userInFetchUrl()).isFalse();
  }

  @Test
  void anSshUserWithoutPasswordIsShown() {
    assertThat(GitRemote.parse("ssh://git@git.example.org/specs.git").shown())
        .isEqualTo("ssh://git@git.example.org/specs.git");
    assertThat(GitRemote.parse("git@git.example.org:specs.git").shown())
        .isEqualTo("git@git.example.org:specs.git");
  }

  @Test
  void urlsWithoutCredentialsAndPathsAreUnchanged() {
    for (String url :
        new String[] {
          "https://git.example.org/specs.git", "/srv/specs.git", "file:///srv/specs.git"
        }) {
      GitRemote remote = GitRemote.parse(url);
      assertThat(remote.shown()).isEqualTo(url);
      assertThat(remote.fetchUrl()).isEqualTo(url);
      assertThat(remote.password()).isNull();
    }
  }

  @Test
  void anEncodedPasswordIsDecodedForJGitAndHidden() {
    GitRemote remote = GitRemote.parse("https://deploy:p%40ss%2Fw+rd@git.example.org/specs.git");
    assertThat(remote.password()).isEqualTo("p@ss/w+rd");
    assertThat(remote.shown()).isEqualTo("https://deploy:***@git.example.org/specs.git");
  }

  @Test
  void aPasswordWithUnencodedSpecialCharactersIsStillHidden() {
    assertThat(GitRemote.parse("https://u:p@ss/w(o)'rd@host/specs.git").shown())
        .isEqualTo("https://u:***@host/specs.git");
    assertThat(GitRemote.parse("https://u:pass word@host/specs.git").shown())
        .isEqualTo("https://u:***@host/specs.git");
  }

  @Test
  void everyUrlInAMessageIsRedacted() {
    String message =
        "https://u:one@a.example/x.git: not authorized; also 'ssh://v:two@b.example/y' and"
            + " https://tok@c.example/z (see user@example.org)";
    assertThat(GitRemote.redact(message))
        .isEqualTo(
            "https://u:***@a.example/x.git: not authorized; also 'ssh://v:***@b.example/y' and"
                + " https://***@c.example/z (see user@example.org)");
  }
}
