package io.netroot.daemon;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What asks the agent for a pass besides a stop or a retry: the schedule (with its splay), the git
 * poll, the watch on the managed files (a hand edit) and, without git, the watch on the spec
 * directory. Each only asks; passes run on the agent's thread.
 */
final class Triggers implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Agent.class);

  private final Settings settings;
  private final PassRequests requests;
  private final PassRunner passes;
  private final boolean git;
  private Schedule schedule;
  private DebouncedWatch fileWatch;
  private DebouncedWatch specWatch;

  /**
   * @param git whether the specs come from git (polled) rather than a directory (watched)
   */
  Triggers(Settings settings, PassRequests requests, PassRunner passes, boolean git) {
    this.settings = settings;
    this.requests = requests;
    this.passes = passes;
    this.git = git;
  }

  /** Starts the schedule and the watches. */
  void start(AgentConfig config) {
    schedule = new Schedule(requests);
    schedule(config);
    fileWatch =
        new DebouncedWatch(
            "managed files",
            settings.fileDebounce(),
            p -> passes.ownWrites().changed(p),
            requests::handEdits);
    if (!git) {
      specWatch =
          new DebouncedWatch(
              "specs",
              settings.specDebounce(),
              p -> true,
              paths -> requests.request("spec change"));
    }
    rewatch();
  }

  /** Watches the directories as they are after a pass: new managed files, new spec folders. */
  void rewatch() {
    fileWatch.watch(passes.ownWrites().directories());
    if (specWatch != null) {
      specWatch.watch(DebouncedWatch.directoriesUnder(settings.specs()));
    }
  }

  /** Follows a change of the agent's settings in the specs; the first tick comes a splay later. */
  void reconfigure(AgentConfig before, AgentConfig after) {
    if (schedule != null
        && (!after.interval().equals(before.interval())
            || !after.gitInterval().equals(before.gitInterval()))) {
      log.info("checking every {} from now on", after.interval());
      schedule(after);
    }
  }

  private void schedule(AgentConfig c) {
    long splay = c.splay().toMillis();
    Duration first =
        c.interval().plusMillis(splay <= 0 ? 0 : ThreadLocalRandom.current().nextLong(splay + 1));
    schedule.every("schedule", c.interval(), first);
    if (git) {
      schedule.every("git poll", c.gitInterval(), c.gitInterval());
    }
  }

  @Override
  public void close() {
    for (AutoCloseable c : new AutoCloseable[] {schedule, specWatch, fileWatch}) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception e) {
          log.debug("while stopping: {}", e.toString());
        }
      }
    }
  }
}
