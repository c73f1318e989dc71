package io.netroot.os;

import io.netroot.NetrootException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Fills a directory with GNU tar, keeping numeric owners, modes, set-id bits, symlinks, hard links,
 * device nodes and fifos (which needs root). Java feeds tar's stdin, so it can count the bytes for
 * a progress display; tar's own {@code -a} only looks at a file name, so the compression of a
 * tarball is recognised from its first bytes.
 */
public final class Tar {

  private static final int BUFFER = 1 << 16;

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

  Tar(String tar) {
    this.tar = tar;
  }

  /**
   * Unpacks a tarball (plain, gzip, bzip2, xz or zstd) into {@code dir}.
   *
   * @param progress told the number of tarball bytes read so far
   */
  public void extract(Path tarball, Path dir, LongConsumer progress) {
    Compression compression;
    try (InputStream in = Files.newInputStream(tarball)) {
      compression = Compression.detect(in.readNBytes(8));
    } catch (IOException e) {
      throw new NetrootException("cannot read " + tarball + ": " + e.getMessage(), e);
    }
    try (InputStream in = Files.newInputStream(tarball)) {
      pipeInto(in, dir, compression, progress, null);
    } catch (IOException e) {
      throw new NetrootException("cannot read " + tarball + ": " + e.getMessage(), e);
    }
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
      packer =
          new ProcessBuilder(tar, "--numeric-owner", "-C", source.toString(), "-cf", "-", ".")
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
    int exit = waitFor(packer);
    if (exit != 0) {
      throw new NetrootException(
          "tar could not read " + source + " (exit " + exit + "): " + packerErrors.text());
    }
  }

  /** Runs an extracting tar in {@code dir} and feeds it {@code in}. */
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
    // (TarTest). The target is checked to be empty first, without following links (ImageFill).
    command.addAll(List.of("--numeric-owner", "--same-owner", "-xpf", "-", "-C", dir.toString()));
    Process unpacker;
    try {
      unpacker = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new NetrootException("cannot run " + tar + ": " + e.getMessage(), e);
    }
    Drain output = Drain.start(unpacker.getInputStream());
    long done = 0;
    IOException broken = null;
    try (OutputStream out = unpacker.getOutputStream()) {
      byte[] buffer = new byte[BUFFER];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        done += n;
        progress.accept(done);
      }
    } catch (IOException e) {
      // tar stopped reading (it failed); its own message below says why
      broken = e;
    }
    int exit = waitFor(unpacker);
    if (exit != 0 || broken != null) {
      if (packer != null) {
        packer.destroyForcibly();
      }
      throw new NetrootException(
          "tar could not unpack into " + dir + " (exit " + exit + "): " + output.text().strip());
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
