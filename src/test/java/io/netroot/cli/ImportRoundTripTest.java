package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.adopt.ServerFiles;
import io.netroot.adopt.ServerLocations;
import io.netroot.adopt.ServerMeaning;
import io.netroot.importer.ImportResult;
import io.netroot.importer.Importer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The key property of {@code agent import}: on each fixture server, the imported specs, applied to
 * a copy of the server, leave it meaning what the server meant ({@link ServerMeaning}), but for
 * what the import report says will change; and a second plan has nothing to do.
 */
class ImportRoundTripTest {

  static final String SERVERS = "/io/netroot/adopt/servers/";

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"seed", "cobbler", "warewulf3", "isc-example"})
  void theAppliedSpecsMeanWhatTheServerMeant(String server) throws Exception {
    Path original = fixture(server, dir.resolve("original"));
    Path copy = fixture(server, dir.resolve("copy"));
    Path specs = dir.resolve("specs");
    ImportResult result =
        Importer.run(new Importer.Options(original, specs, null, null, null, false));
    useTestBootloader(specs.resolve("server.yaml"), dir.resolve("syslinux"));

    TestBootServer.Run apply =
        TestBootServer.run("apply", "--specs", specs.toString(), "--root", copy.toString());
    assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();

    ServerLocations where = ServerLocations.find(new ServerFiles(original), null, null);
    ServerMeaning before = ServerMeaning.read(new ServerFiles(original), where);
    ServerMeaning after = ServerMeaning.read(new ServerFiles(copy), where);
    List<ServerMeaning.Difference> unreported =
        ServerMeaning.differences(before, after).stream()
            .filter(d -> !result.report().covers(d.key()))
            .toList();
    assertThat(unreported)
        .as(
            "differences the import report does not announce; report:\n%s\napply:\n%s",
            Files.readString(result.reportFile()), apply.out())
        .isEmpty();

    TestBootServer.Run plan =
        TestBootServer.run(
            "plan", "--specs", specs.toString(), "--root", copy.toString(), "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.out() + plan.err()).isZero();
    assertThat(plan.out()).doesNotContain("+ create", "~ update", "- delete", "* adopt", "! ");
  }

  /** The machine's syslinux files are not the server's: the BootServer reads test copies. */
  static void useTestBootloader(Path serverYaml, Path bootloader) throws IOException {
    Files.createDirectories(bootloader);
    for (String file :
        List.of(
            "pxelinux.0",
            "ldlinux.c32",
            "menu.c32",
            "libutil.c32",
            "libcom32.c32",
            "syslinux.efi",
            "ldlinux.e64")) {
      Files.writeString(bootloader.resolve(file), "bootloader file " + file + "\n");
    }
    String b = bootloader.toString();
    String yaml = Files.readString(serverYaml);
    Files.writeString(
        serverYaml,
        yaml.replaceFirst(
            "\nspec:\n",
            "\nspec:\n  bootloader: {pxelinuxDir: \""
                + b
                + "\", modulesDir: \""
                + b
                + "\", efiDir: \""
                + b
                + "\", efiModulesDir: \""
                + b
                + "\"}\n"));
  }

  /** A copy of a fixture server's root under {@code to}. */
  static Path fixture(String server, Path to) {
    try {
      Path from = Path.of(ImportRoundTripTest.class.getResource(SERVERS + server).toURI());
      try (Stream<Path> walk = Files.walk(from)) {
        for (Path p : walk.toList()) {
          Path target = to.resolve(from.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(target);
          } else {
            Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
          }
        }
      }
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
