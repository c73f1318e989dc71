package io.netroot.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Builds the two scenarios with uninterrupted applies: the clean reference from empty, and the
 * older converged tree with three hand edits together with the tree an apply leaves over it. The
 * apply that times a scenario runs with as many identical ones at once as the harness runs trials
 * at once (alone when it runs one at a time), so that it is as loaded as the trials' applies are.
 */
final class CrashSetup {

  static final String FROM_EMPTY = "apply from empty";
  static final String OVER_OLDER = "apply over an older tree";

  /** A line a hand adds to a PXE file: apply replaces the file and keeps the edit in a backup. */
  static final String PXE_EDIT = "# netroot-crash: hand edit of a PXE file";

  /** A line a hand adds inside netroot's block of dhcpd.conf: reverted, kept in a backup. */
  static final String BLOCK_EDIT = "  # netroot-crash: hand edit inside the block";

  /** A line a hand adds after netroot's block of dhcpd.conf: apply keeps it in the file. */
  static final String OUTSIDE_EDIT = "# netroot-crash: hand edit outside the block";

  private static final String DHCPD = "etc/dhcp/dhcpd.conf";
  private static final Duration LIMIT = Duration.ofMinutes(5);

  private final Path work;
  private final Path scratch;
  private final Workers workers;

  /** {@code workers}: as many as the harness runs trials at once; the timed applies run on them. */
  CrashSetup(Path work, Path scratch, Workers workers) {
    this.work = work;
    this.scratch = scratch;
    this.workers = workers;
  }

  /** The clean reference: {@code specs} applied to an empty root, timed. */
  CrashScenario fromEmpty(Path specs) {
    Path root = work.resolve("reference");
    Duration took = timedApply(specs, null, root);
    AgentProcess.Result plan =
        AgentProcess.inThisJvm(args("plan", specs, root, "--no-diff", "--detailed-exitcode"));
    assertThat(plan.exit()).as("plan after the clean apply: " + plan.both()).isZero();
    TreeSnapshot reference = TreeSnapshot.of(root);
    assertThat(reference.temps()).as("temp files after a clean apply").isEmpty();
    assertThat(reference.files()).as("the reference tree").containsKey(DHCPD);
    return new CrashScenario(
        FROM_EMPTY, specs, null, TreeSnapshot.empty(), reference, took, List.of());
  }

  /**
   * {@code older} applied, then hand edits to a PXE file that the update leaves as it is and to
   * dhcpd.conf inside and outside netroot's block; then {@code specs} applied over a copy, timed.
   */
  CrashScenario overOlder(Path specs, Path older, CrashScenario fromEmpty) {
    Path start = work.resolve("older");
    apply(older, start);
    TreeSnapshot old = TreeSnapshot.of(start);
    String pxe =
        CrashFleet.pxeFiles(old).stream()
            .filter(p -> old.files().get(p).equals(fromEmpty.expected().files().get(p)))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no PXE file the update leaves as it is"));
    try {
      Path pxeFile = start.resolve(pxe);
      Files.writeString(pxeFile, Files.readString(pxeFile) + PXE_EDIT + "\n");
      Path dhcpd = start.resolve(DHCPD);
      String conf = Files.readString(dhcpd);
      assertThat(conf).contains("\n# END netroot");
      Files.writeString(
          dhcpd,
          conf.replace("\n# END netroot", "\n" + BLOCK_EDIT + "\n# END netroot")
              + OUTSIDE_EDIT
              + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    TreeSnapshot before = TreeSnapshot.of(start);
    List<CrashScenario.HandEdit> edits =
        List.of(
            new CrashScenario.HandEdit(pxe, before.files().get(pxe).sha256(), null),
            new CrashScenario.HandEdit(DHCPD, before.files().get(DHCPD).sha256(), null),
            new CrashScenario.HandEdit(DHCPD, before.files().get(DHCPD).sha256(), OUTSIDE_EDIT));

    Path updated = work.resolve("updated");
    Duration took = timedApply(specs, start, updated);
    TreeSnapshot expected = TreeSnapshot.of(updated);
    List<String> besidesDhcpd =
        expected.differencesFrom(fromEmpty.expected()).stream()
            .filter(d -> !d.startsWith(DHCPD + " "))
            .toList();
    assertThat(besidesDhcpd).as("an update over the older tree ends as a clean apply").isEmpty();
    assertThat(old.differencesFrom(fromEmpty.expected()))
        .as("the older tree differs from the new one")
        .hasSizeGreaterThan(CrashFleet.EXTRA_OLD_HOSTS);
    try {
      assertThat(Files.readString(updated.resolve(DHCPD)))
          .as("dhcpd.conf after the update")
          .contains(OUTSIDE_EDIT)
          .doesNotContain(BLOCK_EDIT);
      assertThat(Files.readString(updated.resolve(pxe))).doesNotContain(PXE_EDIT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AgentProcess.Result backups =
        AgentProcess.inThisJvm("backups", "--root", updated.toString(), "--json");
    assertThat(CrashTrial.notBackedUp(backups, edits))
        .as("hand edits an uninterrupted update keeps in backups")
        .isEmpty();
    Roots.delete(updated);
    return new CrashScenario(OVER_OLDER, specs, start, before, expected, took, edits);
  }

  /**
   * Applies {@code specs} to {@code root}, a copy of {@code start} (empty when that is {@code
   * null}), with the same apply into copies of their own (removed after) beside it, one per other
   * worker; returns the longest time a whole process took. The kills are drawn over that time, so
   * that they cover all of an apply as loaded as those of the trials, which run as many at once.
   */
  private Duration timedApply(Path specs, Path start, Path root) {
    List<Path> roots = new ArrayList<>(List.of(root));
    for (int i = 1; i < workers.size(); i++) {
      roots.add(work.resolve(root.getFileName() + "-beside-" + i));
    }
    for (Path each : roots) {
      Roots.copy(scratch, start, each);
    }
    List<Callable<Duration>> applies = new ArrayList<>();
    for (Path each : roots) {
      applies.add(() -> apply(specs, each));
    }
    Duration longest = workers.all(applies).stream().max(Duration::compareTo).orElseThrow();
    roots.subList(1, roots.size()).forEach(Roots::delete);
    return longest;
  }

  /** Applies {@code specs} to {@code root}; returns how long the whole process took. */
  private Duration apply(Path specs, Path root) {
    AgentProcess.Result apply =
        AgentProcess.run(scratch, LIMIT, args("apply", specs, root, "--no-diff"));
    assertThat(apply.exit()).as("apply " + specs + " to " + root + ": " + apply.both()).isZero();
    return apply.took();
  }

  private static String[] args(String command, Path specs, Path root, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                command,
                "--services",
                "none",
                "--specs",
                specs.toString(),
                "--root",
                root.toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }
}
