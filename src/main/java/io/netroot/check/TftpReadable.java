package io.netroot.check;

import io.netroot.catalog.Area;
import io.netroot.catalog.ResourceId;
import io.netroot.engine.Report;
import io.netroot.engine.ResourceResult;
import io.netroot.os.Found;
import io.netroot.os.RootFs;
import io.netroot.os.ShellSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the TFTP server's user can read every file netroot keeps in the TFTP root: tftpd-hpa
 * drops to that user ({@code TFTP_USERNAME} in {@code /etc/default/tftpd-hpa}, {@code tftp} by
 * default) before it opens a file, so a file or directory on the way that this user cannot read is
 * a node that does not boot. The user and its groups are read from the root's {@code /etc/passwd}
 * and {@code /etc/group}.
 */
final class TftpReadable {

  private final RootFs root;
  private final Report plan;

  TftpReadable(RootFs root, Report plan) {
    this.root = root;
    this.plan = plan;
  }

  Check check() {
    String user =
        read("/etc/default/tftpd-hpa")
            .flatMap(text -> ShellSettings.value(text, "TFTP_USERNAME"))
            .filter(u -> !u.isBlank())
            .orElse("tftp");
    String subject = "tftp files readable by " + user;
    Optional<String> passwd = read("/etc/passwd");
    if (passwd.isEmpty()) {
      return Check.skip(subject, "no /etc/passwd under the root to find the user in");
    }
    Optional<int[]> ids = ids(passwd.get(), user);
    if (ids.isEmpty()) {
      return Check.fail(
          subject,
          "no user " + user + " in /etc/passwd",
          "apt-get install tftpd-hpa (it makes the user), or set TFTP_USERNAME");
    }
    Set<Integer> groups = groups(read("/etc/group").orElse(""), user, ids.get()[1]);
    List<String> unreadable = new ArrayList<>();
    int files = 0;
    String tftpRoot = plan.layout().tftpRoot();
    for (ResourceResult r : plan.resources()) {
      Area area = Area.of(r.id(), plan.layout());
      if (r.id().kind() != ResourceId.Kind.FILE || (area != Area.TFTP && area != Area.KERNEL)) {
        continue;
      }
      if (!r.path().startsWith(tftpRoot + "/")) {
        continue;
      }
      Path file = root.resolve(r.path());
      if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        continue; // not written yet: the "specs" check says so
      }
      files++;
      Optional<String> why = whyUnreadable(file, root.resolve(tftpRoot), ids.get()[0], groups);
      why.ifPresent(w -> unreadable.add(r.path() + " (" + w + ")"));
    }
    if (!unreadable.isEmpty()) {
      return Check.fail(
          subject,
          unreadable.size()
              + " of "
              + files
              + " not: "
              + String.join(", ", unreadable.subList(0, Math.min(3, unreadable.size())))
              + (unreadable.size() > 3 ? ", …" : ""),
          "agent apply sets the modes netroot wants (0644 files, 0755 directories)");
    }
    return Check.ok(subject, files + " file" + (files == 1 ? "" : "s"));
  }

  /** Why {@code uid} (with {@code groups}) cannot read {@code file}: a mode on the way. */
  private static Optional<String> whyUnreadable(Path file, Path top, int uid, Set<Integer> groups) {
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.of("not a regular file");
      }
      if (!allowed(file, uid, groups, 4)) {
        return Optional.of("no read permission");
      }
      for (Path dir = file.getParent(); dir != null && dir.startsWith(top); dir = dir.getParent()) {
        if (!allowed(dir, uid, groups, 1)) {
          return Optional.of("cannot enter " + top.relativize(dir));
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** Whether the mode of {@code path} grants {@code bit} (4 read, 1 search) to the user. */
  private static boolean allowed(Path path, int uid, Set<Integer> groups, int bit)
      throws IOException {
    int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    int owner = (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    int group = (Integer) Files.getAttribute(path, "unix:gid", LinkOption.NOFOLLOW_LINKS);
    if (owner == uid) {
      return (mode & (bit << 6)) != 0;
    }
    if (groups.contains(group)) {
      return (mode & (bit << 3)) != 0;
    }
    return (mode & bit) != 0;
  }

  /** The uid and gid of {@code user} in a passwd(5) text. */
  static Optional<int[]> ids(String passwd, String user) {
    for (String line : passwd.split("\n")) {
      String[] fields = line.split(":");
      if (fields.length >= 4 && fields[0].equals(user)) {
        try {
          return Optional.of(new int[] {Integer.parseInt(fields[2]), Integer.parseInt(fields[3])});
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /** The user's primary group and the groups of a group(5) text that list it. */
  static Set<Integer> groups(String group, String user, int primary) {
    Set<Integer> out = new HashSet<>();
    out.add(primary);
    for (String line : group.split("\n")) {
      String[] fields = line.split(":", -1);
      if (fields.length >= 4 && List.of(fields[3].split(",")).contains(user)) {
        try {
          out.add(Integer.parseInt(fields[2]));
        } catch (NumberFormatException e) {
          // not a group line
        }
      }
    }
    return out;
  }

  private Optional<String> read(String path) {
    try {
      return root.look(path) instanceof Found.File file
          ? Optional.of(new String(file.bytes(), StandardCharsets.UTF_8))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
