package io.netroot.os;

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
}
