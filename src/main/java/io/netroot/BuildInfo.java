package io.netroot;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What this build of netroot is: the version in the jar's manifest ({@code development} when run
 * from classes) and the git commit recorded at build time in {@code io/netroot/build.properties}
 * ({@code unknown} when the build had no git checkout).
 */
public final class BuildInfo {

  private BuildInfo() {}

  /** The version, or {@code development}. */
  public static String version() {
    String version = BuildInfo.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }

  /** The git commit the build was made from, or {@code unknown}. */
  public static String commit() {
    try (InputStream in = BuildInfo.class.getResourceAsStream("/io/netroot/build.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      String commit = properties.getProperty("git.commit", "").strip();
      return commit.isEmpty() || commit.startsWith("$") ? "unknown" : commit;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
