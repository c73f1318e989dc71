package io.netroot.engine;

import io.netroot.NetrootException;
import io.netroot.catalog.Catalog;
import io.netroot.catalog.Resource;
import io.netroot.catalog.ServiceAction;
import io.netroot.os.RootFs;
import io.netroot.os.ServiceBackend;
import io.netroot.state.PendingServices;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service part of a pass: which service actions the pass owes, each with the paths that caused
 * it, and running each of them once at the end. In an apply that reaches real services the actions
 * are journaled ({@link PendingServices}) before the write that calls for them, so a crash right
 * after the write cannot lose them; what an earlier pass left owed is run by this one, and what
 * fails stays owed for the next.
 */
final class ServiceNotices {

  private static final Logger log = LoggerFactory.getLogger(Engine.class);

  /** The cause named for a service action owed by an unreadable service journal. */
  private static final String PENDING_UNKNOWN = "an interrupted pass (its journal was unreadable)";

  private final ServiceBackend services;
  private final Options options;

  /** Each owed action with the paths that call for it, in the order they were first owed. */
  private final Map<ServiceAction, List<String>> serviceCauses = new LinkedHashMap<>();

  /** Present when service actions are journaled: an apply that reaches real services. */
  private final Optional<PendingServices> journal;

  /**
   * Loads what an earlier pass left owed. An unreadable journal is a warning of the pass, and then
   * every service the catalog can notify is owed.
   */
  ServiceNotices(
      RootFs root,
      ServiceBackend services,
      Options options,
      Catalog catalog,
      List<String> warnings) {
    this.services = services;
    this.options = options;
    this.journal =
        !options.dryRun() && services.touchesServices()
            ? Optional.of(new PendingServices(root))
            : Optional.empty();
    journal.ifPresent(
        j ->
            j.load()
                .forEach(
                    (action, causes) -> {
                      log.info("{} is owed by an earlier pass; running it", action.describe());
                      serviceCauses.put(action, new ArrayList<>(causes));
                    }));
    journal
        .map(PendingServices::unreadable)
        .ifPresent(
            why -> {
              warnings.add(why);
              for (Resource resource : catalog.resources()) {
                for (ServiceAction action : resource.notifies()) {
                  serviceCauses.computeIfAbsent(
                      action, a -> new ArrayList<>(List.of(PENDING_UNKNOWN)));
                }
              }
            });
  }

  /**
   * Before a write: journals the service actions it calls for, when actions are journaled at all.
   * The actions are then owed even if the write does not make it to disk.
   */
  void owe(Resource resource) {
    if (journal.isPresent() && addCauses(resource)) {
      journal.get().save(serviceCauses);
    }
  }

  /** A resource changed (on disk, or in a dry run would): the actions it notifies are owed. */
  void notify(Resource resource) {
    addCauses(resource);
  }

  /** Adds the resource's path as a cause of each action it notifies; true when any was new. */
  private boolean addCauses(Resource resource) {
    boolean added = false;
    for (ServiceAction action : resource.notifies()) {
      List<String> causes = serviceCauses.computeIfAbsent(action, a -> new ArrayList<>());
      if (!causes.contains(resource.path())) {
        causes.add(resource.path());
        added = true;
      }
    }
    return added;
  }

  /** Runs each owed action once; what failed stays owed in the journal for the next pass. */
  List<ServiceResult> runOnce() {
    List<ServiceResult> out = runEach();
    if (journal.isPresent()) {
      Map<ServiceAction, List<String>> owed = new LinkedHashMap<>();
      out.stream()
          .filter(s -> s.status() == Status.FAILED)
          .forEach(s -> owed.put(s.action(), s.causes()));
      journal.get().save(owed);
    }
    return out;
  }

  private List<ServiceResult> runEach() {
    List<ServiceResult> out = new ArrayList<>();
    serviceCauses.forEach(
        (action, causes) -> {
          options.progress().step(action.describe());
          if (options.dryRun()) {
            out.add(new ServiceResult(action, causes, Status.PLANNED, null));
          } else if (!services.touchesServices()) {
            out.add(new ServiceResult(action, causes, Status.NOT_TOUCHED, null));
          } else {
            try {
              action.runOn(services);
              out.add(new ServiceResult(action, causes, Status.APPLIED, null));
            } catch (NetrootException e) {
              out.add(new ServiceResult(action, causes, Status.FAILED, e.getMessage()));
            }
          }
        });
    return out;
  }
}
