package io.netroot.os;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import io.netroot.NetrootException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a directory below a directory descriptor without ever following a symbolic link: one {@code
 * openat2} with {@code RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS} (Linux 5.6+), or, where that call is
 * missing, one {@code openat(O_NOFOLLOW | O_DIRECTORY)} per component. The walk also says precisely
 * which component was a link when {@code openat2} only says that one was.
 */
final class Beneath {

  private static final Logger log = LoggerFactory.getLogger(Beneath.class);

  /** What to do with a component that is missing. */
  enum Missing {
    /** Report the directory as absent. */
    ABSENT,
    /** Create it (mode 0755), as {@code mkdir -p} does, but never through a link. */
    CREATE
  }

  /** What to do with a component that is a symbolic link. */
  enum Links {
    /** Refuse with an error naming the link and its target. */
    REFUSE,
    /**
     * Treat the path as absent, as it cannot be reached without following a link (or a component is
     * not a directory at all): for telling what an image holds, never for writing to it.
     */
    ABSENT
  }

  /** The descriptor of an absent directory. */
  static final int NONE = -1;

  /** The working directory, for a path that is not relative to a descriptor. */
  private static final int AT_FDCWD = -100;

  private static final int DIR_FLAGS =
      LinuxFlags.O_PATH | LinuxFlags.O_DIRECTORY | LinuxFlags.O_CLOEXEC;

  private static final class Probe {
    static final boolean OPENAT2 = probe();
  }

  private final boolean openat2;

  private Beneath(boolean openat2) {
    this.openat2 = openat2;
  }

  /** openat2 where the kernel has it (and no seccomp filter hides it), else the walk. */
  static Beneath best() {
    return new Beneath(Probe.OPENAT2);
  }

  /** Always the walk, as on a kernel older than 5.6. */
  static Beneath walkOnly() {
    return new Beneath(false);
  }

  /**
   * Why a root image directory could not be opened: it is a link (named with its target), not a
   * directory, or the system call's own error.
   */
  static NetrootException notAnImage(
      Optional<DeviceFiles.Node> node, String shown, LastErrorException e) {
    if (node.isPresent() && node.get().type() == DeviceFiles.Type.SYMLINK) {
      return new NetrootException(
          "root image "
              + shown
              + " is a symbolic link (to "
              + node.get().linkTarget()
              + "); netroot does not follow links to or inside a root image: name the"
              + " directory itself");
    }
    if (node.isPresent() && node.get().type() != DeviceFiles.Type.DIRECTORY) {
      return new NetrootException("root image " + shown + " is not a directory");
    }
    return failure("cannot open root image " + shown, e);
  }

  boolean usesOpenat2() {
    return openat2;
  }

  /**
   * Opens a root image directory itself as an {@code O_PATH} descriptor, or returns {@link #NONE}
   * when it does not exist. Its own path is the server's, but it must be the directory, not a link.
   */
  static int openImage(Path image, String shown) {
    byte[] path = cString(image.toAbsolutePath().toString());
    try {
      return LibC.get().openat(AT_FDCWD, path, DIR_FLAGS | LinuxFlags.O_NOFOLLOW, 0);
    } catch (LastErrorException e) {
      if (e.getErrorCode() == LinuxFlags.ENOENT) {
        return NONE;
      }
      Optional<DeviceFiles.Node> node;
      try {
        node = DeviceFiles.lookAt(AT_FDCWD, path, 0);
      } catch (LastErrorException unseen) {
        throw failure("cannot open root image " + shown, e);
      }
      throw notAnImage(node, shown, e);
    }
  }

  /**
   * Opens the directory {@code components} lead to below {@code top} as an {@code O_PATH}
   * descriptor the caller closes, or returns {@link #NONE}.
   *
   * @param shown how the directory {@code top} is named in messages, for example {@code /srv/root}
   */
  int openDir(int top, List<String> components, Missing missing, Links links, String shown) {
    if (openat2 && !components.isEmpty()) {
      try {
        return openat2(top, String.join("/", components));
      } catch (LastErrorException e) {
        int errno = e.getErrorCode();
        if (errno == LinuxFlags.ENOENT && missing == Missing.ABSENT) {
          return NONE;
        }
        if ((errno == LinuxFlags.ELOOP || errno == LinuxFlags.ENOTDIR) && links == Links.ABSENT) {
          return NONE;
        }
        // A link, a file where a directory belongs, a missing directory to create, or a rename
        // racing the lookup (EAGAIN, EXDEV): the walk finds out which and says so.
        log.debug("openat2 below {}: errno {}; walking", shown, errno);
      }
    }
    return walk(top, components, missing, links, shown);
  }

  private static int walk(
      int top, List<String> components, Missing missing, Links links, String shown) {
    LibC c = LibC.get();
    int fd = c.openat(top, cString("."), DIR_FLAGS, 0);
    StringBuilder path = new StringBuilder(shown);
    for (String component : components) {
      path.append('/').append(component);
      int next;
      try {
        next = openComponent(fd, component, missing, links, path.toString());
      } finally {
        c.close(fd);
      }
      if (next == NONE) {
        return NONE;
      }
      fd = next;
    }
    return fd;
  }

  private static int openComponent(
      int dir, String component, Missing missing, Links links, String shown) {
    byte[] name = cString(component);
    LibC c = LibC.get();
    for (int attempt = 0; ; attempt++) {
      try {
        return c.openat(dir, name, DIR_FLAGS | LinuxFlags.O_NOFOLLOW, 0);
      } catch (LastErrorException e) {
        int errno = e.getErrorCode();
        if (errno == LinuxFlags.ENOENT) {
          if (missing == Missing.ABSENT) {
            return NONE;
          }
          mkdir(dir, name, shown);
        } else if (errno == LinuxFlags.ELOOP || errno == LinuxFlags.ENOTDIR) {
          DeviceFiles.Node node = DeviceFiles.lookAt(dir, name, 0).orElse(null);
          if (node != null && node.type() == DeviceFiles.Type.SYMLINK) {
            if (links == Links.ABSENT) {
              return NONE;
            }
            throw refused(shown, node.linkTarget());
          }
          if (node != null && node.type() != DeviceFiles.Type.DIRECTORY) {
            if (links == Links.ABSENT) {
              return NONE;
            }
            throw new NetrootException(shown + " is not a directory");
          }
        } else {
          throw failure("cannot open " + shown, e);
        }
        if (attempt > 3) {
          throw failure("cannot open " + shown, e);
        }
      }
    }
  }

  private static void mkdir(int dir, byte[] name, String shown) {
    try {
      LibC.get().mkdirat(dir, name, 0755);
    } catch (LastErrorException e) {
      if (e.getErrorCode() != LinuxFlags.EEXIST) {
        throw failure("cannot create " + shown, e);
      }
    }
  }

  private static int openat2(int top, String path) {
    try (Memory how = openHow(DIR_FLAGS);
        Memory name = cMemory(path)) {
      return (int) LibC.get().syscall(LinuxFlags.SYS_OPENAT2, (long) top, name, how, how.size());
    }
  }

  /** {@code struct open_how {u64 flags; u64 mode; u64 resolve;}}. */
  private static Memory openHow(int flags) {
    Memory how = new Memory(24);
    how.setLong(0, flags & 0xffffffffL);
    how.setLong(8, 0);
    how.setLong(
        16,
        LinuxFlags.RESOLVE_BENEATH
            | LinuxFlags.RESOLVE_NO_SYMLINKS
            | LinuxFlags.RESOLVE_NO_MAGICLINKS);
    return how;
  }

  /** Whether openat2 works here: missing before Linux 5.6, and some seccomp filters deny it. */
  private static boolean probe() {
    try {
      // "." below the working directory: RESOLVE_BENEATH refuses an absolute path (EXDEV)
      int fd = openat2(AT_FDCWD, ".");
      LibC.get().close(fd);
      return true;
    } catch (LastErrorException e) {
      log.debug(
          "openat2 unavailable (errno {}); walking one component at a time", e.getErrorCode());
      return false;
    } catch (UnsatisfiedLinkError e) {
      return false;
    }
  }

  /** The error for a link met where netroot reads or writes. */
  static NetrootException refused(String shown, String target) {
    return new NetrootException(
        shown
            + " is a symbolic link (to "
            + target
            + "); netroot does not follow links inside a root image");
  }

  /** An error from the C library as a message: what could not be done, and why. */
  static NetrootException failure(String what, LastErrorException e) {
    return new NetrootException(what + ": " + LibC.get().strerror(e.getErrorCode()), e);
  }

  /** A name as the C library takes it: UTF-8 bytes with a terminating NUL. */
  static byte[] cString(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    byte[] c = new byte[bytes.length + 1];
    System.arraycopy(bytes, 0, c, 0, bytes.length);
    return c;
  }

  private static Memory cMemory(String s) {
    byte[] c = cString(s);
    Memory m = new Memory(c.length);
    m.write(0, c, 0, c.length);
    return m;
  }
}
