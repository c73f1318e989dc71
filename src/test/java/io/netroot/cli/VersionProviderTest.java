package io.netroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code --version}: the version and the commit the build recorded. */
class VersionProviderTest {

  @Test
  void theLineNamesTheVersionAndTheCommit() {
    Properties info = new Properties();
    info.setProperty("version", "1.2.0");
    info.setProperty("commit", "0123456789ab-dirty");
    assertThat(VersionProvider.line(info)).isEqualTo("netroot 1.2.0 (commit 0123456789ab-dirty)");
  }

  @Test
  void withoutBuildInformationItIsADevelopmentBuild() {
    assertThat(VersionProvider.line(new Properties())).isEqualTo("netroot development build");
  }

  @Test
  void theBuildRecordedTheProjectVersionAndACommitOrUnknown() {
    Properties info = VersionProvider.buildInfo();
    assertThat(info.getProperty("version")).as("written by mvn generate-resources").isNotBlank();
    assertThat(info.getProperty("commit")).matches("[0-9a-f]{12}(-dirty)?|unknown");
  }

  @Test
  void versionPrintsTheLine() {
    StringWriter out = new StringWriter();
    int exit =
        Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter()), "--version");
    assertThat(exit).isZero();
    assertThat(out.toString().strip())
        .isEqualTo(VersionProvider.line(VersionProvider.buildInfo()))
        .startsWith("netroot ")
        .contains("(commit ");
  }
}
