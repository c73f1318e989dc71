package io.netroot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.os.CommandRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the Debian package that {@code mvn package} built holds, read with {@code dpkg-deb}: its
 * control fields, every file with its mode, the conffiles, and a copyright file that names every
 * library inside the jar. DebPackageIT installs it.
 */
class PackageContentsIT {

  static Path deb;

  @BeforeAll
  static void theDebWasBuilt() throws Exception {
    Require.program("dpkg-deb", "dpkg");
    deb = DebPackageIT.theDeb();
  }

  static String dpkgDeb(String... args) {
    List<String> command = new java.util.ArrayList<>(List.of("dpkg-deb"));
    command.addAll(List.of(args));
    CommandRunner.Result result = new CommandRunner(60).run(command);
    assertThat(result.exitCode()).as(result.output()).isZero();
    return result.output();
  }

  @Test
  void theControlFieldsNameTheVersionTheJavaRuntimeAndTheServers() throws Exception {
    String version = DebPackageIT.hostVersion().split(" ")[1];
    assertThat(deb.getFileName().toString())
        .isEqualTo("netroot_" + version.replace('-', '~') + "_all.deb");
    assertThat(dpkgDeb("-f", deb.toString(), "Package", "Version", "Architecture", "Depends"))
        .isEqualTo(
            "Package: netroot\n"
                + "Version: "
                + version.replace('-', '~')
                + "\nArchitecture: all\n"
                + "Depends: default-jre-headless (>= 2:1.17) | java17-runtime-headless\n");
    assertThat(dpkgDeb("-f", deb.toString(), "Recommends"))
        .contains("isc-dhcp-server", "tftpd-hpa", "nfs-kernel-server | nfs-ganesha", "pxelinux")
        .contains("syslinux-common", "syslinux-efi");
    assertThat(dpkgDeb("-I", deb.toString(), "conffiles"))
        .isEqualTo("/etc/default/netroot\n/etc/netroot/specs/README\n");
    assertThat(dpkgDeb("-I", deb.toString(), "postinst"))
        .contains("[ -d /run/systemd/system ]")
        .doesNotContain("systemctl enable")
        .doesNotContain("systemctl start");
  }

  @Test
  void everyFileIsWhereDebianWantsItWithItsMode() {
    Map<String, String> modes =
        dpkgDeb("-c", deb.toString())
            .lines()
            .map(line -> line.split("\\s+"))
            .collect(
                Collectors.toMap(
                    f -> f[f.length - 1].replaceFirst("^\\./", "/"), f -> f[0] + " " + f[1]));
    assertThat(modes)
        .containsEntry("/usr/bin/netroot-agent", "-rwxr-xr-x root/root")
        .containsEntry("/usr/share/netroot/agent", "-rwxr-xr-x root/root")
        .containsEntry("/usr/share/netroot/netroot.jar", "-rw-r--r-- root/root")
        .containsEntry("/usr/share/netroot/netroot.schema.json", "-rw-r--r-- root/root")
        .containsEntry("/lib/systemd/system/netroot-agent.service", "-rw-r--r-- root/root")
        .containsEntry("/etc/default/netroot", "-rw-r--r-- root/root")
        .containsEntry("/etc/netroot/specs/README", "-rw-r--r-- root/root")
        .containsEntry("/usr/share/man/man1/netroot-agent.1.gz", "-rw-r--r-- root/root")
        .containsEntry(
            "/usr/share/bash-completion/completions/netroot-agent", "-rw-r--r-- root/root")
        .containsEntry("/usr/share/zsh/vendor-completions/_netroot-agent", "-rw-r--r-- root/root")
        .containsEntry("/usr/share/doc/netroot/copyright", "-rw-r--r-- root/root")
        .containsEntry("/usr/share/doc/netroot/changelog.gz", "-rw-r--r-- root/root")
        .containsEntry("/usr/share/doc/netroot/README.md", "-rw-r--r-- root/root")
        .containsEntry("/usr/share/doc/netroot/docs/SPECS.md", "-rw-r--r-- root/root")
        .containsEntry("/usr/share/doc/netroot/examples/seed/netroot.yaml", "-rw-r--r-- root/root");
    assertThat(modes.entrySet())
        .as("directories 0755, everything root's, nothing under /var or /usr/local")
        .allMatch(e -> !e.getKey().endsWith("/") || e.getValue().equals("drwxr-xr-x root/root"))
        .allMatch(e -> e.getValue().endsWith(" root/root"))
        .noneMatch(e -> e.getKey().startsWith("/var/") || e.getKey().startsWith("/usr/local"));
  }

  @Test
  void theCopyrightFileNamesEveryLibraryInTheJar() throws Exception {
    // the jar's top-level packages (two levels: org/eclipse, com/sun), netroot's own left out
    Set<String> packages = new TreeSet<>();
    try (ZipFile jar = new ZipFile("target/netroot.jar")) {
      for (ZipEntry entry : java.util.Collections.list(jar.entries())) {
        String name = entry.getName();
        boolean library =
            name.endsWith(".class")
                && !name.startsWith("io/netroot/")
                && !name.startsWith("META-INF/");
        if (library) {
          String[] parts = name.split("/");
          packages.add(parts[0].equals("picocli") ? "picocli" : parts[0] + "/" + parts[1]);
        }
      }
    }
    String copyright = Files.readString(Path.of("packaging/deb/copyright"));
    assertThat(packages)
        .isNotEmpty()
        .allMatch(p -> copyright.contains("netroot.jar:" + p + "/"), "named in the copyright file");
  }

  @Test
  void theSchemaForEditorsIsTheOneTheRepositoryKeeps(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    dpkgDeb("-x", deb.toString(), dir.toString());
    assertThat(dir.resolve("usr/share/netroot/netroot.schema.json"))
        .hasSameTextualContentAs(Path.of(io.netroot.spec.JsonSchema.REPOSITORY_FILE));
  }
}
