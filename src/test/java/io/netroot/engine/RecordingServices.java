package io.netroot.engine;

import io.netroot.os.ServiceBackend;
import java.util.ArrayList;
import java.util.List;

/** A service backend that records each action, as {@code restart NAME}, {@code reexport}… */
public final class RecordingServices implements ServiceBackend {

  /** The actions, in the order they came. */
  public final List<String> calls = new ArrayList<>();

  @Override
  public boolean touchesServices() {
    return true;
  }

  @Override
  public void restart(String service) {
    calls.add("restart " + service);
  }

  @Override
  public void reexport() {
    calls.add("reexport");
  }

  @Override
  public void daemonReload() {
    calls.add("daemon-reload");
  }

  @Override
  public UnitState state(String service) {
    return new UnitState("enabled", "active");
  }

  @Override
  public void enableNow(String service) {
    calls.add("enable --now " + service);
  }

  @Override
  public void reload(String service) {
    calls.add("reload " + service);
  }

  @Override
  public void disableNow(String service) {
    calls.add("disable --now " + service);
  }
}
