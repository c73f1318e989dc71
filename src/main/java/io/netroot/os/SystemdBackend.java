package io.netroot.os;

import io.netroot.NetrootException;
import java.util.List;

/** Services managed by systemd, through {@code systemctl}; exports through {@code exportfs}. */
public final class SystemdBackend implements ServiceBackend {

  private final CommandRunner runner;

  public SystemdBackend(CommandRunner runner) {
    this.runner = runner;
  }

  @Override
  public boolean touchesServices() {
    return true;
  }

  @Override
  public void restart(String service) {
    expectSuccess(List.of("systemctl", "restart", service));
  }

  @Override
  public void reexport() {
    expectSuccess(List.of("exportfs", "-ra"));
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
