package io.netroot.adopt;

import io.netroot.NetrootException;
import io.netroot.os.Found;
import io.netroot.os.RootFs;
import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The files of a boot server under a root prefix, read as the server's own daemons see them when
 * the prefix is their {@code /}: a symbolic link is resolved inside the root (an absolute target
 * from the root, {@code ..} never above it), as a chroot would, so no read leaves the root. The
 * final file is opened through {@link RootFs#look}, which follows no link, so a link swapped in
 * after resolving is reported, not followed.
 */
public final class ServerFiles {

  /** As many links as the kernel follows on one path lookup. */
  static final int MAX_LINKS = 40;

  private final RootFs root;

  public ServerFiles(Path rootDir) {
    this.root = new RootFs(rootDir);
  }

  /** The root prefix. */
  public Path rootDir() {
    return root.dir();
  }

  /** Where a server path (already resolved) is on this machine. */
  public Path real(String serverPath) {
    return root.resolve(serverPath);
  }

  /**
   * A file found at a server path.
   *
   * @param path the server path asked for
   * @param resolved the server path of the file itself, after symbolic links
   * @param bytes its content
   */
  public record Read(String path, String resolved, byte[] bytes) {

    /** The content as text: UTF-8, a malformed byte read as U+FFFD. */
    public String text() {
      try {
        return StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)
            .decode(java.nio.ByteBuffer.wrap(bytes))
            .toString();
      } catch (java.nio.charset.CharacterCodingException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * The regular file at {@code serverPath}, or empty when nothing (or a directory) is there.
   *
   * @throws NetrootException when it cannot be read: a link loop, a link changed while reading, no
   *     permission
   */
  public Optional<Read> read(String serverPath) {
    String resolved = resolve(serverPath);
    Path real = root.resolve(resolved);
    if (Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    Found found;
    try {
      found = root.look(resolved);
    } catch (IOException e) {
      throw new NetrootException("cannot read " + serverPath + ": " + e.getMessage(), e);
    }
    if (found instanceof Found.File file) {
      return Optional.of(new Read(serverPath, resolved, file.bytes()));
    }
    if (found instanceof Found.Link) {
      throw new NetrootException(
          "cannot read " + serverPath + ": it became a symbolic link while it was read");
    }
    return Optional.empty();
  }

  /** Whether a directory is at {@code serverPath} (links resolved inside the root). */
  public boolean isDirectory(String serverPath) {
    return Files.isDirectory(root.resolve(resolve(serverPath)), LinkOption.NOFOLLOW_LINKS);
  }

  /** The names in a directory, sorted; none when it is not a directory. */
  public List<String> list(String serverDir) {
    String resolved = resolve(serverDir);
    Path real = root.resolve(resolved);
    List<String> names = new ArrayList<>();
    if (!Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
      return names;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(real)) {
      for (Path entry : entries) {
        names.add(entry.getFileName().toString());
      }
    } catch (IOException e) {
      throw new NetrootException("cannot list " + serverDir + ": " + e.getMessage(), e);
    }
    names.sort(null);
    return names;
  }

  /**
   * The server path {@code serverPath} leads to, each symbolic link on the way replaced by its
   * target inside the root.
   *
   * @throws NetrootException after {@value #MAX_LINKS} links, as the kernel gives up (a loop)
   */
  public String resolve(String serverPath) {
    Deque<String> todo = new ArrayDeque<>(parts(serverPath));
    List<String> done = new ArrayList<>();
    int links = 0;
    while (!todo.isEmpty()) {
      String part = todo.pollFirst();
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!done.isEmpty()) {
          done.remove(done.size() - 1);
        }
        continue;
      }
      Path real = root.resolve(join(done) + (done.isEmpty() ? "" : "/") + part);
      if (!Files.isSymbolicLink(real)) {
        done.add(part);
        continue;
      }
      if (++links > MAX_LINKS) {
        throw new NetrootException(
            "cannot read " + serverPath + ": more than " + MAX_LINKS + " symbolic links (a loop?)");
      }
      String target;
      try {
        target = Files.readSymbolicLink(real).toString();
      } catch (IOException e) {
        throw new NetrootException("cannot read the link " + real + ": " + e.getMessage(), e);
      }
      if (target.startsWith("/")) {
        done.clear();
      }
      List<String> targetParts = parts(target);
      for (int i = targetParts.size() - 1; i >= 0; i--) {
        todo.addFirst(targetParts.get(i));
      }
    }
    return done.isEmpty() ? "/" : join(done);
  }

  private static List<String> parts(String path) {
    return List.of(path.split("/", -1));
  }

  private static String join(List<String> parts) {
    return parts.isEmpty() ? "/" : "/" + String.join("/", parts);
  }
}
