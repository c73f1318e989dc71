package io.netroot.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netroot.NetrootException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The credentials file: only its owner may read it, and it gives JGit a user and a password. */
class GitCredentialsTest {

  @TempDir Path dir;

  @Test
  void aPrivateFileGivesTheUserAndPassword() throws Exception {
    Path file = credentials("rw-------", "protocol=https\nusername=deploy\npassword=t0ken\n");
    CredentialsProvider provider =
        GitCredentials.provider(
            GitRemote.parse("https://git.example.org/specs.git"), env(file.toString()));
    assertThat(login(provider)).isEqualTo("deploy:t0ken");
  }

  @Test
  void theUserMayComeFromTheUrl() throws Exception {
    Path file = credentials("r--------", "password=t0ken\n");
    CredentialsProvider provider =
        GitCredentials.provider(
            GitRemote.parse("https://deploy@git.example.org/specs.git"), env(file.toString()));
    assertThat(login(provider)).isEqualTo("deploy:t0ken");
  }

  @Test
  void aPasswordInTheUrlIsGivenAsCredentialsWhenThereIsNoFile() throws Exception {
    CredentialsProvider provider =
        GitCredentials.provider(
            GitRemote.parse("https://deploy:t0ken@git.example.org/specs.git"), Map.of());
    assertThat(login(provider)).isEqualTo("deploy:t0ken");
  }

  @Test
  void noSecretNoCredentials() {
    assertThat(GitCredentials.provider(GitRemote.parse("https://git.example.org/s.git"), Map.of()))
        .isNull();
    assertThat(GitCredentials.provider(GitRemote.parse("ssh://git@git.example.org/s"), Map.of()))
        .isNull();
  }

  @Test
  void aFileOtherUsersMayReadIsRefused() throws Exception {
    Path file = credentials("rw-r--r--", "username=deploy\npassword=t0ken\n");
    assertThatThrownBy(
            () ->
                GitCredentials.provider(
                    GitRemote.parse("https://git.example.org/s.git"), env(file.toString())))
        .isInstanceOf(NetrootException.class)
        .hasMessage(
            "git credentials file "
                + file
                + " (NETROOT_GIT_CREDENTIALS) is open to other users (mode 0644); it holds a"
                + " password: chmod 600 it");
  }

  @Test
  void aFifoIsRefusedWithoutWaiting() throws Exception {
    Path fifo = dir.resolve("fifo");
    assertThat(new ProcessBuilder("mkfifo", "-m", "0600", fifo.toString()).start().waitFor())
        .isZero();
    assertThatThrownBy(() -> GitCredentials.read(fifo)).hasMessageEndingWith("not a regular file");
  }

  @Test
  void aMissingFileSaysSo() {
    Path file = dir.resolve("none");
    assertThatThrownBy(() -> GitCredentials.read(file))
        .hasMessage("git credentials file " + file + " (NETROOT_GIT_CREDENTIALS) does not exist");
  }

  @Test
  void aMalformedLineIsNamedButNotShown() throws Exception {
    Path file = credentials("rw-------", "username=deploy\nt0ken\n");
    assertThatThrownBy(() -> GitCredentials.read(file))
        .hasMessage(
            "line 2 of git credentials file "
                + file
                + " (NETROOT_GIT_CREDENTIALS) is not key=value (username=, password=)")
        .hasMessageNotContaining("t0ken");
  }

  @Test
  void aFileWithoutPasswordIsRefused() throws Exception {
    Path file = credentials("rw-------", "username=deploy\n");
    assertThatThrownBy(() -> GitCredentials.read(file)).hasMessageEndingWith("no password= line");
  }

  @Test
  void noUserAnywhereIsAnError() throws Exception {
    Path file = credentials("rw-------", "password=t0ken\n");
    assertThatThrownBy(
            () ->
                GitCredentials.provider(
                    GitRemote.parse("https://git.example.org/s.git"), env(file.toString())))
        .hasMessageEndingWith("has no username= line, and the git URL names no user");
  }

  private Path credentials(String mode, String text) throws Exception {
    Path file = Files.writeString(dir.resolve("git-credentials"), text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    return file;
  }

  private static Map<String, String> env(String file) {
    return Map.of(GitCredentials.ENVIRONMENT, file);
  }

  private static String login(CredentialsProvider provider) throws Exception {
    CredentialItem.Username user = new CredentialItem.Username();
    CredentialItem.Password password = new CredentialItem.Password();
    assertThat(provider.get(new URIish("https://git.example.org/s.git"), user, password)).isTrue();
    return user.getValue() + ":" + new String(password.getValue());
  }
}
