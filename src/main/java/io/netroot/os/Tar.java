package io.netroot.os;

import io.netroot.NetrootException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills a directory with GNU tar, keeping numeric owners, modes, set-id bits, symlinks, hard links,
 * device nodes and fifos (which needs root), and every extended attribute: file capabilities
 * ({@code security.capability}, {@code ping}'s {@code cap_net_raw=ep}), POSIX ACLs, SELinux labels
 * and {@code user.*} attributes. Java feeds tar's stdin, so it can count the bytes for a progress
 * display; tar's own {@code -a} only looks at a file name, so the compression of a tarball is
 * recognised from its first bytes.
 */
public final class Tar {

  private static final Logger log = LoggerFactory.getLogger(Tar.class);

  private static final int BUFFER = 1 << 16;

  /**
   * Keep what a root filesystem needs beyond owners and modes, in both directions. Without {@code
   * --xattrs-include=*}, GNU tar restores only {@code user.*} attributes, and a binary's file
   * capabilities ({@code security.capability}) are silently lost; {@code --acls} and {@code
   * --selinux} keep ACLs and labels that tar stores apart from the other attributes.
   */
  static final List<String> KEEP_ATTRIBUTES =
      List.of("--xattrs", "--xattrs-include=*", "--acls", "--selinux");

  /** The compressions GNU tar can undo, with the magic bytes that announce them. */
  public enum Compression {
    NONE(null, new byte[0]),
    GZIP("--gzip", new byte[] {0x1f, (byte) 0x8b}),
    BZIP2("--bzip2", new byte[] {'B', 'Z', 'h'}),
    XZ("--xz", new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0}),
    ZSTD("--zstd", new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd});

    private final String flag;
    private final byte[] magic;

    Compression(String flag, byte[] magic) {
      this.flag = flag;
      this.magic = magic;
    }

    /** The compression whose magic bytes {@code head} starts with; NONE for a plain tar. */
    public static Compression detect(byte[] head) {
      for (Compression c : values()) {
        if (c != NONE
            && head.length >= c.magic.length
            && Arrays.equals(head, 0, c.magic.length, c.magic, 0, c.magic.length)) {
          return c;
        }
      }
      return NONE;
    }
  }

  private final String tar;

  /** Uses GNU tar as found on PATH. */
  public Tar() {
    this(CommandRunner.find("tar").map(Path::toString).orElse("tar"));
  }

  /** Uses the given GNU tar, or a program that behaves as one. */
  public Tar(Path program) {
    this(program.toString());
  }

  Tar(String tar) {
    this.tar = tar;
  }

  /**
   * Unpacks a tarball (plain, gzip, bzip2, xz or zstd) into {@code dir}. The tarball must be a
   * regular file ({@link TarballFile}).
   *
   * @param progress told the number of tarball bytes read so far
   */
  public void extract(Path tarball, Path dir, LongConsumer progress) {
    try (TarballFile file = TarballFile.open(tarball)) {
      extract(file.stream(), dir, progress);
    }
  }

  /**
   * Unpacks the tarball read from {@code tarball} (plain, gzip, bzip2, xz or zstd) into {@code
   * dir}, reading it to its end.
   *
   * @param progress told the number of tarball bytes read so far
   */
  public void extract(InputStream tarball, Path dir, LongConsumer progress) {
    BufferedInputStream in = new BufferedInputStream(tarball, BUFFER);
    Compression compression;
    try {
      in.mark(8);
      compression = Compression.detect(in.readNBytes(8));
      in.reset();
    } catch (IOException e) {
      throw new NetrootException(e.getMessage(), e);
    }
    pipeInto(in, dir, compression, progress, null);
  }

  /**
   * Copies the tree under {@code source} into {@code dir} through a tar pipe ({@code tar -C SOURCE
   * -cf - . | tar -xpf - -C DIR}), which keeps everything {@code cp -a} keeps.
   *
   * @param progress told the number of bytes of tar stream copied so far
   */
  public void copyTree(Path source, Path dir, LongConsumer progress) {
    Process packer;
    try {
      List<String> command = new ArrayList<>(List.of(tar, "--numeric-owner"));
      command.addAll(KEEP_ATTRIBUTES);
      command.addAll(List.of("-C", source.toString(), "-cf", "-", "."));
      packer =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .redirectError(ProcessBuilder.Redirect.PIPE)
              .start();
    } catch (IOException e) {
      throw new NetrootException("cannot run " + tar + ": " + e.getMessage(), e);
    }
    Drain packerErrors = Drain.start(packer.getErrorStream());
    try (InputStream in = packer.getInputStream()) {
      pipeInto(in, dir, Compression.NONE, progress, packer);
    } catch (IOException e) {
      packer.destroyForcibly();
      throw new NetrootException("cannot copy " + source + ": " + e.getMessage(), e);
    }
    String warnings = packerErrors.text().strip();
    int exit = waitFor(packer);
    if (exit != 0) {
      throw new NetrootException(
          "tar could not read " + source + " (exit " + exit + "): " + warnings);
    }
    if (!warnings.isEmpty()) {
      log.warn("tar, reading {}: {}", source, warnings);
    }
  }

  /**
   * Runs an extracting tar in {@code dir} and feeds it {@code in}, to its end even when tar stops
   * reading early (a checksum is taken of what is read).
   */
  private void pipeInto(
      InputStream in, Path dir, Compression compression, LongConsumer progress, Process packer) {
    List<String> command = new ArrayList<>(List.of(tar));
    if (compression.flag != null) {
      command.add(compression.flag);
    }
    // --numeric-owner: the image's uids are its own, not this server's names for them.
    // --same-owner -p: keep owners, modes and set-id bits, as root does by default anyway.
    // No --overwrite, --keep-old-files or --keep-directory-symlink: with none of them, a link
    // already in the target where the archive has a file or a directory is removed, not followed
    // (TarTest). The target is a new directory netroot made for this fill (FillStage).
    command.addAll(List.of("--numeric-owner", "--same-owner"));
    command.addAll(KEEP_ATTRIBUTES);
    command.addAll(List.of("-xpf", "-", "-C", dir.toString()));
    Process unpacker;
    try {
      unpacker = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new NetrootException("cannot run " + tar + ": " + e.getMessage(), e);
    }
    Drain output = Drain.start(unpacker.getInputStream());
    long done = 0;
    boolean broken = false;
    try (OutputStream out = unpacker.getOutputStream()) {
      byte[] buffer = new byte[BUFFER];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (!broken) {
          try {
            out.write(buffer, 0, n);
          } catch (IOException e) {
            // tar stopped reading: it failed, or the archive ended before the file did; in the
            // second case the rest is still read, for the checksum of the whole file
            broken = true;
            if (waitFor(unpacker) != 0) {
              break;
            }
          }
        }
        done += n;
        progress.accept(done);
      }
    } catch (IOException e) {
      unpacker.destroyForcibly();
      if (packer != null) {
        packer.destroyForcibly();
      }
      waitFor(unpacker);
      throw new NetrootException(e.getMessage(), e);
    }
    int exit = waitFor(unpacker);
    String said = output.text().strip();
    if (exit != 0) {
      if (packer != null) {
        packer.destroyForcibly();
      }
      throw new NetrootException("tar could not unpack (exit " + exit + "): " + said);
    }
    if (!said.isEmpty()) {
      // tar reports an attribute it could not set (a filesystem without ACLs) and goes on
      log.warn("tar, unpacking: {}", said);
    }
  }

  private static int waitFor(Process process) {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new NetrootException("interrupted while running tar", e);
    }
  }

  /** Reads a program's messages on a thread of its own, so a full pipe never stalls it. */
  private static final class Drain extends Thread {
    private final InputStream in;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private Drain(InputStream in) {
      this.in = in;
      setDaemon(true);
    }

    static Drain start(InputStream in) {
      Drain drain = new Drain(in);
      drain.start();
      return drain;
    }

    @Override
    public void run() {
      try {
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
          synchronized (bytes) {
            // keep the start of the messages; tar says what went wrong first
            if (bytes.size() < 16384) {
              bytes.write(buffer, 0, n);
            }
          }
        }
      } catch (IOException ignored) {
        // the program is gone; what it said so far is kept
      }
    }

    String text() {
      try {
        join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      synchronized (bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
      }
    }
  }
}
