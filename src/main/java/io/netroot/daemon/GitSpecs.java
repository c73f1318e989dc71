package io.netroot.daemon;

import io.netroot.NetrootException;
import io.netroot.os.Trees;
import io.netroot.spec.SpecError;
import io.netroot.spec.SpecInvalidException;
import io.netroot.spec.SpecLoader;
import io.netroot.spec.SpecSet;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Specs from a git repository: a bare clone in a cache directory, fetched on every pass. Each new
 * commit of the branch is checked out into a directory of its own and loaded; a commit whose specs
 * do not load is not applied, and the last good commit, with its own files, stays in force.
 */
final class GitSpecs {

  private static final Logger log = LoggerFactory.getLogger(GitSpecs.class);

  /** The specs in force and the commit they come from. */
  record InForce(String commit, SpecSet specs) {}

  /** A commit that was not applied, and why. */
  record Failure(String commit, String error) {}

  /** The URL as it may be shown: without its password ({@link GitRemote#redact}). */
  final String url;

  final String branch;
  private final GitRemote remote;
  private final Function<Path, SpecSet> loader;
  private final Map<String, String> environment;
  private final Path cache;
  private final Path repository;
  private String recordedCommit;
  private InForce inForce;
  private String lastTried;
  private Failure failure;
  private String fetchError;

  /**
   * @param recordedCommit the commit applied before this process started (from the status file), to
   *     fall back on when the branch's head is broken
   * @param environment where {@link GitCredentials#ENVIRONMENT} is looked up
   */
  GitSpecs(
      String url,
      String branch,
      Path cache,
      String recordedCommit,
      Map<String, String> environment) {
    this(url, branch, cache, recordedCommit, environment, SpecLoader::load);
  }

  /**
   * @param loader loads and checks the specs of a commit's tree (the agent's pipeline, with its
   *     caches)
   */
  GitSpecs(
      String url,
      String branch,
      Path cache,
      String recordedCommit,
      Map<String, String> environment,
      Function<Path, SpecSet> loader) {
    this.loader = loader;
    this.remote = GitRemote.parse(url);
    this.url = remote.shown();
    this.environment = environment;
    this.branch = branch;
    this.cache = cache;
    this.repository = cache.resolve("repository.git");
    this.recordedCommit = recordedCommit;
    if (remote.password() != null) {
      log.warn(
          "the git URL {} carries a password: it is kept out of the status and the logs, but not"
              + " out of the process list or the spec that names it; put it in the file {} names"
              + " instead",
          this.url,
          GitCredentials.ENVIRONMENT);
    }
  }

  Optional<Failure> failure() {
    return Optional.ofNullable(failure);
  }

  Optional<String> fetchError() {
    return Optional.ofNullable(fetchError);
  }

  Optional<String> applied() {
    return Optional.ofNullable(inForce).map(InForce::commit);
  }

  /**
   * Fetches, and moves to the branch's head if its specs load.
   *
   * @throws NetrootException when no commit has loaded yet
   */
  InForce refresh() {
    try (Git git = open()) {
      fetch(git);
      Repository repo = git.getRepository();
      ObjectId head = repo.resolve(branch == null ? REMOTE_HEAD : "refs/heads/" + branch);
      if (head == null) {
        throw new NetrootException(url + " has no branch " + (branch == null ? "(HEAD)" : branch));
      }
      String commit = head.name();
      if (inForce == null && recordedCommit != null && !recordedCommit.equals(commit)) {
        // After a restart: the commit applied before is the fallback if the head is broken.
        String recorded = recordedCommit;
        recordedCommit = null;
        try {
          tryCommit(repo, recorded);
        } catch (RuntimeException e) {
          log.debug("the commit applied before, {}, does not load: {}", recorded, e.toString());
        }
      }
      if (!commit.equals(lastTried) && (inForce == null || !commit.equals(inForce.commit()))) {
        lastTried = commit;
        try {
          tryCommit(repo, commit);
          failure = null;
        } catch (SpecInvalidException e) {
          failure = new Failure(commit, describe(e));
          log.error("commit {} is not applied: {}", shortId(commit), failure.error());
        }
      }
    } catch (IOException | GitAPIException e) {
      // JGit never sees the password, but its messages may show the URL's user (a token)
      fetchError = GitRemote.redact(e.getMessage());
      log.warn("cannot fetch {}: {}", url, fetchError);
    }
    if (inForce == null) {
      throw new NetrootException(
          "no good commit of "
              + url
              + " yet"
              + (failure != null ? "; " + shortId(failure.commit()) + ": " + failure.error() : "")
              + (fetchError != null ? "; " + fetchError : ""));
    }
    return inForce;
  }

  private void tryCommit(Repository repo, String commit) throws IOException {
    Path tree = cache.resolve("commits").resolve(commit);
    deleteTree(tree);
    checkout(repo, ObjectId.fromString(commit), tree);
    try {
      SpecSet specs = loader.apply(tree);
      Path previous = inForce == null ? null : cache.resolve("commits").resolve(inForce.commit());
      inForce = new InForce(commit, specs);
      log.info("specs from commit {} of {}", shortId(commit), url);
      if (previous != null && !previous.equals(tree)) {
        deleteTree(previous);
      }
    } catch (RuntimeException e) {
      deleteTree(tree);
      throw e;
    }
  }

  /** Where the remote's default branch is fetched to when no branch is named. */
  private static final String REMOTE_HEAD = "refs/netroot/remote-head";

  private Git open() throws IOException, GitAPIException {
    if (Files.isDirectory(repository)) {
      return Git.open(repository.toFile());
    }
    Files.createDirectories(cache);
    log.info("fetching {} into {}", url, repository);
    return Git.init().setBare(true).setDirectory(repository.toFile()).call();
  }

  private void fetch(Git git) throws GitAPIException, IOException {
    CredentialsProvider credentials;
    try {
      credentials = GitCredentials.provider(remote, environment);
    } catch (NetrootException e) {
      // an unusable credentials file fails this fetch like an unreachable server would
      throw new IOException(e.getMessage(), e);
    }
    git.fetch()
        .setRemote(remote.fetchUrl())
        .setCredentialsProvider(credentials)
        .setRefSpecs(
            branch == null
                ? new RefSpec("+HEAD:" + REMOTE_HEAD)
                : new RefSpec("+refs/heads/" + branch + ":refs/heads/" + branch))
        .call();
    fetchError = null;
  }

  /** Writes the files of a commit's tree into {@code target}. */
  private static void checkout(Repository repo, ObjectId commitId, Path target) throws IOException {
    try (RevWalk walk = new RevWalk(repo);
        TreeWalk tree = new TreeWalk(repo)) {
      RevCommit commit = walk.parseCommit(commitId);
      tree.addTree(commit.getTree());
      tree.setRecursive(true);
      Files.createDirectories(target);
      while (tree.next()) {
        FileMode mode = tree.getFileMode(0);
        if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
          continue;
        }
        Path file = target.resolve(tree.getPathString()).normalize();
        if (!file.startsWith(target)) {
          continue;
        }
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
          repo.open(tree.getObjectId(0)).copyTo(out);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    Trees.remove(dir);
  }

  static String shortId(String commit) {
    return commit == null ? null : commit.substring(0, Math.min(12, commit.length()));
  }

  /** The errors without the cache directory's path, which says nothing to people. */
  private String describe(SpecInvalidException e) {
    List<SpecError> errors = e.errors();
    String text =
        errors.stream().limit(5).map(SpecError::toString).collect(Collectors.joining("; "));
    if (errors.size() > 5) {
      text += "; and " + (errors.size() - 5) + " more";
    }
    return text.replace(cache.resolve("commits").toString() + "/", "");
  }
}
