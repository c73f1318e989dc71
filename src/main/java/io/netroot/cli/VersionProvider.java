package io.netroot.cli;

import java.util.Properties;
import picocli.CommandLine;

/**
 * {@code --version}: the version and the git commit netroot was built from, as the build wrote them
 * into {@code build.properties} beside this class (the commit is {@code unknown} for a build
 * outside a git checkout, and ends in {@code -dirty} when tracked files differed from it). Without
 * that resource (classes compiled outside Maven) it says "development build".
 */
final class VersionProvider implements CommandLine.IVersionProvider {

  /** The resource the build writes, next to this class. */
  static final String RESOURCE = "build.properties";

  @Override
  public String[] getVersion() {
    return new String[] {line(buildInfo())};
  }

  /** The version line for the build information {@code info} (empty when there is none). */
  static String line(Properties info) {
    String version = info.getProperty("version");
    if (version == null || version.isBlank()) {
      return "netroot development build";
    }
    return "netroot " + version + " (commit " + info.getProperty("commit", "unknown") + ")";
  }

  /** What the build wrote, or no properties when the resource is missing. */
  static Properties buildInfo() {
    return io.netroot.BuildInfo.read();
  }
}
