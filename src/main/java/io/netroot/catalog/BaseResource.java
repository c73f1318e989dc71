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
  private Provenance provenance = Provenance.NONE;

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

  @Override
  public Provenance provenance() {
    return provenance;
  }

  /**
   * Says which spec produced this resource: once, by the catalog's compiler, before the catalog is
   * made.
   *
   * @throws IllegalStateException when it was said already
   */
  final void producedBy(Provenance provenance) {
    if (this.provenance != Provenance.NONE) {
      throw new IllegalStateException(id + " was already produced by " + this.provenance);
    }
    this.provenance = provenance;
  }

  /** Says of each of {@code resources} (all made by the compiler) which spec produced it. */
  static void producedBy(
      java.util.Collection<? extends Resource> resources, Provenance provenance) {
    for (Resource resource : resources) {
      ((BaseResource) resource).producedBy(provenance);
    }
  }
}
