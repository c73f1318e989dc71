package io.netroot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What this build of netroot is, as the build wrote it into {@code
 * io/netroot/cli/build.properties}: the version, and the git commit of the checkout ({@code
 * unknown} outside one, ending in {@code -dirty} when tracked files differed). Classes compiled
 * outside Maven have no such resource.
 */
public final class BuildInfo {

  /** The resource the build writes. */
  public static final String RESOURCE = "/io/netroot/cli/build.properties";

  private BuildInfo() {}

  /** What the build wrote, or no properties when the resource is missing. */
  public static Properties read() {
    Properties info = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        info.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return info;
  }

  /** The version, or {@code development}. */
  public static String version() {
    String version = read().getProperty("version", "");
    return version.isBlank() ? "development" : version;
  }

  /** The git commit the build was made from, or {@code unknown}. */
  public static String commit() {
    String commit = read().getProperty("commit", "");
    return commit.isBlank() ? "unknown" : commit;
  }
}
