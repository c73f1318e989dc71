package io.netroot.os;

import io.netroot.NetrootException;
import java.nio.file.Path;
import java.util.List;

/** Services managed by systemd, through {@code systemctl}; exports through {@code exportfs}. */
public final class SystemdBackend implements ServiceBackend {

  private final CommandRunner runner;
  private final String systemctl;
  private final String exportfs;

  /** Uses {@code systemctl} and {@code exportfs} as found on PATH and in the sbin directories. */
  public SystemdBackend(CommandRunner runner) {
    this(
        runner,
        CommandRunner.find("systemctl").map(Path::toString).orElse("systemctl"),
        CommandRunner.find("exportfs").map(Path::toString).orElse("exportfs"));
  }

  /** Uses the given programs (tests pass recording stand-ins). */
  public SystemdBackend(CommandRunner runner, String systemctl, String exportfs) {
    this.runner = runner;
    this.systemctl = systemctl;
    this.exportfs = exportfs;
  }

  @Override
  public boolean touchesServices() {
    return true;
  }

  @Override
  public void restart(String service) {
    expectSuccess(List.of(systemctl, "restart", service));
  }

  @Override
  public void reexport() {
    expectSuccess(List.of(exportfs, "-ra"));
  }

  @Override
  public void daemonReload() {
    expectSuccess(List.of(systemctl, "daemon-reload"));
  }

  /**
   * {@inheritDoc} Through {@code systemctl kill}, not {@code systemctl reload}: Debian's {@code
   * kea-dhcp4-server} unit has no {@code ExecReload}, so systemd refuses a reload, while Kea takes
   * SIGHUP as its reload (it keeps the old configuration if the new one fails). {@code --kill-who}
   * is the spelling systemd 249 knows and 252 still accepts.
   */
  @Override
  public void reload(String service) {
    expectSuccess(List.of(systemctl, "kill", "--kill-who=main", "--signal=SIGHUP", service));
  }

  @Override
  public UnitState state(String service) {
    // Both commands exit non-zero for "disabled" or "inactive": the printed word is the answer.
    String enabled = firstWord(runner.run(List.of(systemctl, "is-enabled", service)).output());
    String active = firstWord(runner.run(List.of(systemctl, "is-active", service)).output());
    return new UnitState(
        enabled.isEmpty() ? "not-found" : enabled, active.isEmpty() ? "unknown" : active);
  }

  @Override
  public void enableNow(String service) {
    expectSuccess(List.of(systemctl, "enable", "--now", service));
  }

  @Override
  public void disableNow(String service) {
    expectSuccess(List.of(systemctl, "disable", "--now", service));
  }

  private static String firstWord(String output) {
    String trimmed = output.strip();
    int end = 0;
    while (end < trimmed.length() && !Character.isWhitespace(trimmed.charAt(end))) {
      end++;
    }
    return trimmed.substring(0, end);
  }

  private void expectSuccess(List<String> command) {
    CommandRunner.Result result = runner.run(command);
    if (!result.ok()) {
      throw new NetrootException(
          String.join(" ", command)
              + " failed (exit "
              + result.exitCode()
              + "): "
              + result.output().strip());
    }
  }
}
