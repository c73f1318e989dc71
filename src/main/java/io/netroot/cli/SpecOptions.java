package io.netroot.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.netroot.NetrootException;
import io.netroot.os.RootFs;
import io.netroot.os.ServiceBackend;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** The options every command that reads specs shares. */
final class SpecOptions {

  @Option(
      names = "--specs",
      paramLabel = "DIR",
      defaultValue = "/etc/netroot/specs",
      description =
          "Directory of *.yaml/*.yml specs, read recursively (default: ${DEFAULT-VALUE}).")
  Path specs;

  @Option(
      names = "--root",
      paramLabel = "DIR",
      description =
          "Manage DIR as if it were / : every path is resolved inside it and services are not touched"
              + " (default: /).")
  Path root;

  @Option(names = "--debug", description = "Log debug lines and show stack traces.")
  void debug(boolean on) {
    if (on) {
      ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.DEBUG);
    }
  }

  @Option(
      names = "--services",
      paramLabel = "systemd|none",
      description =
          "How services are reached: systemd, or none (only report what would be done). Default:"
              + " systemd on /, none under --root.")
  String services;

  ServiceBackend serviceBackend() {
    if (services == null) {
      return ServiceBackend.forRoot(rootFs());
    }
    return switch (services) {
      case "systemd" -> ServiceBackend.systemd();
      case "none" -> ServiceBackend.none();
      default -> throw new NetrootException("--services " + services + ": use systemd or none");
    };
  }

  RootFs rootFs() {
    return root == null ? RootFs.system() : new RootFs(root);
  }
}
