package io.netroot.daemon;

import io.netroot.NetrootException;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

/**
 * The timed triggers: a Quartz scheduler in memory, with one thread, whose jobs only ask for a pass
 * (the full re-check every interval, the git poll). The pass itself runs on the agent's loop.
 */
final class Schedule implements AutoCloseable {

  private final Scheduler scheduler;

  Schedule(PassRequests requests) {
    Properties p = new Properties();
    p.setProperty(
        // Quartz keeps its schedulers in one process-wide registry, by name
        StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "netroot-" + UUID.randomUUID());
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
    p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
    p.setProperty("org.quartz.threadPool.threadCount", "1");
    p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    try {
      scheduler = new StdSchedulerFactory(p).getScheduler();
      // Jobs are made here rather than by reflection: each one only asks for a pass.
      scheduler.setJobFactory(
          (bundle, s) -> context -> requests.request(bundle.getJobDetail().getKey().getName()));
      scheduler.start();
    } catch (SchedulerException e) {
      throw new NetrootException("cannot start the schedule: " + e.getMessage(), e);
    }
  }

  /**
   * Asks for a pass named {@code name} every {@code interval}, the first after {@code firstDelay};
   * replaces an earlier schedule of that name.
   */
  void every(String name, Duration interval, Duration firstDelay) {
    JobDetail job = JobBuilder.newJob(RequestJob.class).withIdentity(name).storeDurably().build();
    Trigger trigger =
        TriggerBuilder.newTrigger()
            .withIdentity(name)
            .startAt(new Date(System.currentTimeMillis() + firstDelay.toMillis()))
            .withSchedule(
                SimpleScheduleBuilder.simpleSchedule()
                    .withIntervalInMilliseconds(Math.max(1, interval.toMillis()))
                    .repeatForever()
                    .withMisfireHandlingInstructionNextWithRemainingCount())
            .build();
    try {
      scheduler.scheduleJob(job, Set.of(trigger), true);
    } catch (SchedulerException e) {
      throw new NetrootException("cannot schedule " + name + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      scheduler.shutdown(false);
    } catch (SchedulerException e) {
      // stopping anyway
    }
  }

  /** Only names the job type for Quartz; {@link Schedule}'s job factory makes the instances. */
  interface RequestJob extends org.quartz.Job {}
}
