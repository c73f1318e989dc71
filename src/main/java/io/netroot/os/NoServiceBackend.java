package io.netroot.os;

import io.netroot.NetrootException;

/** Under a root prefix: services are not touched; the report says what would have been done. */
final class NoServiceBackend implements ServiceBackend {

  @Override
  public boolean touchesServices() {
    return false;
  }

  @Override
  public void restart(String service) {
    // nothing outside the root prefix is touched
  }

  @Override
  public void reexport() {
    // nothing outside the root prefix is touched
  }

  @Override
  public void daemonReload() {
    // nothing outside the root prefix is touched
  }

  @Override
  public void reload(String service) {
    // nothing outside the root prefix is touched
  }

  @Override
  public UnitState state(String service) {
    throw new NetrootException("services are not observed under a root prefix");
  }

  @Override
  public void enableNow(String service) {
    throw new NetrootException("services are not touched under a root prefix");
  }

  @Override
  public void disableNow(String service) {
    throw new NetrootException("services are not touched under a root prefix");
  }
}
