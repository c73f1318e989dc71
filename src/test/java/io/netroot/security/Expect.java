package io.netroot.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What an attack must end in, checked on {@code bin/agent}'s real output: a refusal that points at
 * the hostile value (or names the path on disk and why), or a hostile value rendered harmless; in
 * every case nothing outside the root changed and no Java internals reached the user.
 */
final class Expect {

  /** A stack frame: {@code at io.netroot.X.y(X.java:12)}. */
  private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s*at [\\w.$/]+\\(");

  /** A qualified class name, or a simple one that names an exception or error type. */
  private static final Pattern CLASS_NAME =
      Pattern.compile(
          "\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w*"
              + "|\\b[A-Z][A-Za-z0-9]*(Exception|Error)\\b");

  /** Only a write outside the sandbox meets a read-only file system in {@link Confined}. */
  private static final String READ_ONLY = "Read-only file system";

  private Expect() {}

  /**
   * Runs {@code check} for plan, then for apply even when plan's check failed, so that a failure
   * also tells what apply does (an escape shows as a changed victim). Fails with both messages.
   */
  static void planThenApply(Consumer<String> check) {
    List<String> failures = new ArrayList<>();
    for (String command : List.of("plan", "apply")) {
      try {
        check.accept(command);
      } catch (AssertionError e) {
        failures.add("[" + command + "] " + e.getMessage());
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(String.join("\n\n", failures));
    }
  }

  /**
   * Plan, then apply: both refuse at one of {@code lines} of the spec file, and nothing changes,
   * outside the root or in it (the escape is checked first: it is the worse failure).
   */
  static void specValueRefused(Sandbox box, String specFile, int... lines) {
    planThenApply(
        command -> {
          Tree outside = box.outside();
          Tree root = box.rootTree();
          Confined.Run run = box.agent(command);
          unchanged(outside, box.outside(), "outside the root", run);
          refusedAt(run, box.specs.resolve(specFile), lines);
          unchanged(root, box.rootTree(), "under the root (a bad spec changes nothing)", run);
        });
  }

  /**
   * As {@link #specValueRefused}, or else plan and apply both succeed and what apply wrote passes
   * {@code harmless}: the value was neutralised (quoted or escaped) rather than refused.
   */
  static void specValueRefusedOrNeutralised(
      Sandbox box, String specFile, int[] lines, Consumer<Confined.Run> harmless) {
    Tree outside = box.outside();
    Confined.Run plan = box.agent("plan");
    if (plan.exit() == 1) {
      specValueRefused(box, specFile, lines);
      return;
    }
    Confined.Run apply = box.agent("apply");
    unchanged(outside, box.outside(), "outside the root", apply);
    assertThat(plan.exit()).as("plan neither refused nor succeeded" + plan.show()).isZero();
    clean(plan);
    assertThat(apply.exit())
        .as("plan succeeded, so apply must, with the value neutralised" + apply.show())
        .isZero();
    clean(apply);
    harmless.accept(apply);
  }

  /**
   * Plan, then apply: both refuse with a line that names the thing on disk (holds every one of
   * {@code names}) and says why (matches the regex {@code why}); nothing outside the root changes.
   */
  static void diskRefused(Sandbox box, String why, String... names) {
    diskRefused(box, Sandbox.TIMEOUT, why, names);
  }

  /** As {@link #diskRefused(Sandbox, String, String...)}, each run ending by itself in time. */
  static void diskRefused(Sandbox box, Duration timeout, String why, String... names) {
    planThenApply(
        command -> {
          Tree outside = box.outside();
          Confined.Run run = box.agent(timeout, command);
          unchanged(outside, box.outside(), "outside the root", run);
          refusedNaming(run, why, names);
        });
  }

  /** Exit 1 with {@code FILE:LINE:COLUMN:} at one of {@code lines}. */
  static void refusedAt(Confined.Run run, Path specFile, int... lines) {
    refused(run);
    String alternatives =
        Arrays.stream(lines).mapToObj(Integer::toString).collect(Collectors.joining("|"));
    Pattern position =
        Pattern.compile(Pattern.quote(specFile.toString()) + ":(" + alternatives + "):\\d+");
    assertThat(position.matcher(run.output()).find())
        .as("an error at %s:%s:COLUMN%s", specFile.getFileName(), alternatives, run.show())
        .isTrue();
  }

  /**
   * Exit 1 with one line that holds each of {@code names} and matches {@code why}: one line per
   * problem, so the path and the reason belong together (a plan lists every path anyway).
   */
  static void refusedNaming(Confined.Run run, String why, String... names) {
    refused(run);
    Pattern reason = Pattern.compile(why);
    boolean found =
        run.output()
            .lines()
            .anyMatch(
                line ->
                    Arrays.stream(names).allMatch(line::contains) && reason.matcher(line).find());
    assertThat(found)
        .as("a line naming %s and saying why (/%s/)%s", List.of(names), why, run.show())
        .isTrue();
  }

  /** Exit 1, in time, with output fit for a user. */
  static void refused(Confined.Run run) {
    assertThat(run.timedOut()).as("the run ended by itself" + run.show()).isFalse();
    assertThat(run.exit()).as("exit code 1 (refused)" + run.show()).isEqualTo(1);
    clean(run);
  }

  /** No stack trace, no Java class name, no sign of a write outside the sandbox. */
  static void clean(Confined.Run run) {
    assertThat(run.timedOut()).as("the run ended by itself" + run.show()).isFalse();
    String output = run.output();
    assertThat(output)
        .as("a write left the sandbox and met the read-only / " + run.show())
        .doesNotContain(READ_ONLY);
    assertThat(STACK_FRAME.matcher(output).find()).as("a stack trace" + run.show()).isFalse();
    Matcher name = CLASS_NAME.matcher(output);
    if (name.find()) {
      fail("a Java class name (" + name.group() + ") in the output" + run.show());
    }
  }

  /** Nothing under a tree changed between two snapshots. */
  static void unchanged(Tree before, Tree after, String where, Confined.Run run) {
    assertThat(after.changesSince(before))
        .as("changes %s after: %s%s", where, run.command(), run.show())
        .isEmpty();
  }
}
