package io.netroot.cli;

import io.netroot.spec.JsonSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Writes the files of the Debian package that are made from the command line itself, for {@code
 * bin/build-deb}: the manual page {@code netroot-agent.1} ({@link ManPage}) and the bash completion
 * {@code netroot-agent.bash} (picocli's {@link AutoComplete}, which zsh also loads through
 * bashcompinit), and the JSON Schema of the specs {@code netroot.schema.json} ({@link JsonSchema}).
 *
 * <p>{@code java -cp netroot.jar io.netroot.cli.PackageFiles DIR}. The page's date is that of
 * {@code SOURCE_DATE_EPOCH} when it is set (reproducible builds), else today's.
 */
public final class PackageFiles {

  /** The installed command's name. */
  static final String COMMAND = "netroot-agent";

  private PackageFiles() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: PackageFiles DIR");
      System.exit(ExitCodes.ERROR);
    }
    write(Path.of(args[0]), System.getenv());
  }

  /** Writes the page and the completion into {@code dir}, with the date {@code env} gives. */
  static void write(Path dir, Map<String, String> env) throws IOException {
    Files.createDirectories(dir);
    String version = VersionProvider.buildInfo().getProperty("version", "development");
    Files.writeString(
        dir.resolve(COMMAND + ".1"),
        ManPage.render(Main.newCommandLine(), COMMAND, version, date(env)),
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve(COMMAND + ".bash"), completion(Main.newCommandLine()), StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("netroot.schema.json"), JsonSchema.document(), StandardCharsets.UTF_8);
  }

  /**
   * The bash completion script for {@code commandLine}, named {@link #COMMAND}: picocli's, without
   * its {@code #!} line, since bash-completion sources the file rather than running it.
   */
  static String completion(CommandLine commandLine) {
    String script = AutoComplete.bash(COMMAND, commandLine);
    return script.startsWith("#!") ? script.substring(script.indexOf('\n') + 1) : script;
  }

  /** {@code SOURCE_DATE_EPOCH}'s day when it is set, else today (UTC). */
  static LocalDate date(Map<String, String> env) {
    String epoch = env.get("SOURCE_DATE_EPOCH");
    Instant when =
        epoch == null || epoch.isBlank()
            ? Instant.now()
            : Instant.ofEpochSecond(Long.parseLong(epoch));
    return LocalDate.ofInstant(when, ZoneOffset.UTC);
  }
}
