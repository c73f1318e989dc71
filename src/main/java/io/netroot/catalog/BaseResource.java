package io.netroot.catalog;

import java.util.List;

/**
 * What every resource the specs produce has: a path, a description, dependencies, notifications.
 */
abstract class BaseResource implements Resource {

  private final ResourceId id;
  private final StateKind stateKind;
  private final String path;
  private final String description;
  private final List<ResourceId> dependsOn;
  private final List<ServiceAction> notifies;

  BaseResource(
      ResourceId id,
      StateKind stateKind,
      String path,
      String description,
      List<ResourceId> dependsOn,
      List<ServiceAction> notifies) {
    this.id = id;
    this.stateKind = stateKind;
    this.path = path;
    this.description = description;
    this.dependsOn = List.copyOf(dependsOn);
    this.notifies = List.copyOf(notifies);
  }

  @Override
  public ResourceId id() {
    return id;
  }

  @Override
  public StateKind stateKind() {
    return stateKind;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public List<ResourceId> dependsOn() {
    return dependsOn;
  }

  @Override
  public List<ServiceAction> notifies() {
    return notifies;
  }
}
