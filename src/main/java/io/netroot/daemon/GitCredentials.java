package io.netroot.daemon;

import io.netroot.NetrootException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * What the agent fetches its specs with when the repository asks for a login: the file that {@code
 * NETROOT_GIT_CREDENTIALS} names, which only its owner may read, with a {@code password=} line and
 * an optional {@code username=} line (the lines {@code git credential fill} prints; other keys such
 * as {@code protocol=} and {@code host=} are ignored):
 *
 * <pre>
 * username=deploy
 * password=glpat-…
 * </pre>
 *
 * A password in the URL itself is still taken (and kept out of every message), but the file is the
 * place for it: a URL shows in the process list and in whatever spec names it. The file is read at
 * every fetch, so a new token is used without a restart.
 */
final class GitCredentials {

  /** The environment variable naming the file. */
  static final String ENVIRONMENT = "NETROOT_GIT_CREDENTIALS";

  /** A credentials file is a few lines; anything much larger is not one. */
  static final long MAX_BYTES = 64 * 1024;

  private static final int S_IFMT = 0170000;
  private static final int S_IFREG = 0100000;

  /** A user name ({@code null} when the file gives none) and a password. */
  record Login(String user, String password) {}

  private GitCredentials() {}

  /**
   * The credentials to fetch {@code remote} with, or {@code null} when it needs none.
   *
   * @throws NetrootException when the file cannot be used: missing, open to others, malformed
   */
  static CredentialsProvider provider(GitRemote remote, Map<String, String> environment) {
    String user = remote.user();
    String password = remote.password();
    String named = environment.get(ENVIRONMENT);
    if (named != null && !named.isBlank()) {
      Path file = Path.of(named);
      Login login = read(file);
      user = login.user() != null ? login.user() : user;
      password = login.password();
      if (user == null) {
        throw new NetrootException(
            describe(file) + " has no username= line, and the git URL names no user");
      }
    }
    if (password == null && (user == null || remote.userInFetchUrl())) {
      return null; // no secret, or the user name is still in the URL (ssh://git@host/…)
    }
    return new UsernamePasswordCredentialsProvider(user, password == null ? "" : password);
  }

  /** Reads a credentials file, refusing one that other users may read or that is not a file. */
  static Login read(Path file) {
    String text;
    try {
      Path real = file.toRealPath();
      Map<String, Object> a =
          Files.readAttributes(real, "unix:mode,size", LinkOption.NOFOLLOW_LINKS);
      int mode = (Integer) a.get("mode");
      if ((mode & S_IFMT) != S_IFREG) {
        throw new NetrootException(describe(file) + " is not a regular file");
      }
      if ((mode & 0077) != 0) {
        throw new NetrootException(
            describe(file)
                + " is open to other users (mode "
                + String.format("%04o", mode & 07777)
                + "); it holds a password: chmod 600 it");
      }
      if ((Long) a.get("size") > MAX_BYTES) {
        throw new NetrootException(describe(file) + " is larger than 64 KiB");
      }
      text = Files.readString(real, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new NetrootException(describe(file) + " does not exist");
    } catch (AccessDeniedException e) {
      throw new NetrootException(describe(file) + " is not readable");
    } catch (IOException e) {
      String why = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : "";
      throw new NetrootException("cannot read " + describe(file) + ": " + why, e);
    }
    return parse(file, text);
  }

  private static Login parse(Path file, String text) {
    String user = null;
    String password = null;
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        // the line itself is not shown: it may be the password
        throw new NetrootException(
            "line "
                + (i + 1)
                + " of "
                + describe(file)
                + " is not key=value (username=, password=)");
      }
      String key = line.substring(0, eq).strip();
      String value = line.substring(eq + 1);
      if (key.equals("username")) {
        user = value;
      } else if (key.equals("password")) {
        password = value;
      }
    }
    if (password == null) {
      throw new NetrootException(describe(file) + " has no password= line");
    }
    return new Login(user, password);
  }

  private static String describe(Path file) {
    return "git credentials file " + file + " (" + ENVIRONMENT + ")";
  }
}
