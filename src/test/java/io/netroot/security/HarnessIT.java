package io.netroot.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attack harness itself can fail: a benign apply really writes under the root, the confinement
 * really makes the rest of the machine read-only, and a touched victim, a hanging child or a stack
 * trace really fails the checks the attacks rely on.
 */
class HarnessIT {

  @TempDir Path dir;
  Sandbox box;

  @BeforeEach
  void setUp() {
    box = new Sandbox(dir);
  }

  @Test
  void benignApplyWritesItsFilesUnderTheRootAndNothingOutside() {
    Tree outside = box.outside();

    Confined.Run apply = box.agent("apply");

    assertThat(apply.exit()).as(apply.show()).isZero();
    Expect.clean(apply);
    assertThat(box.file("/etc/dhcp/dhcpd.conf")).content().contains("host devboard {");
    assertThat(box.file("/etc/exports"))
        .content()
        .contains(Sandbox.IMAGE + " 10.0.0.0/24(rw,sync,no_root_squash)");
    assertThat(box.file(Sandbox.HOST_PXE)).content().contains("LABEL nfs-centos55");
    assertThat(box.file(Sandbox.TFTP + "/images/linux-nfs1/vmlinuz-nfs1")).exists();
    assertThat(box.image().resolve("etc/fstab"))
        .hasContent("10.0.0.1:" + Sandbox.IMAGE + " / nfs rw,tcp,vers=3 0 0");
    Expect.unchanged(outside, box.outside(), "outside the root", apply);
    Confined.Run plan = box.agent("plan", "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.show()).isZero();
  }

  @Test
  void everythingButTheSandboxIsReadOnlyToAConfinedProgram() {
    Path probe = Path.of("/etc/netroot-escape-probe");
    Path inside = box.victims.resolve("probe");

    Confined.Run run =
        box.confined(
            Duration.ofSeconds(30),
            List.of("sh", "-c", "touch " + probe + "; touch " + inside + " && echo inside"));

    assertThat(run.err()).as(run.show()).contains("Read-only file system");
    assertThat(run.out()).as(run.show()).contains("inside");
    assertThat(probe).doesNotExist();
    assertThat(inside).exists();
  }

  @Test
  void aVictimChangedInTheSandboxFailsTheCheck() {
    Path victim = box.victim("etc/fstab", "victim fstab\n");
    Tree before = box.outside();

    Confined.Run run =
        box.confined(Duration.ofSeconds(30), List.of("sh", "-c", "echo appended >> " + victim));

    assertThatThrownBy(() -> Expect.unchanged(before, box.outside(), "outside the root", run))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("changed victims/etc/fstab");
  }

  @Test
  void aChildThatHangsIsKilledAndReportedAsTimedOut() {
    Confined.Run run = box.confined(Duration.ofSeconds(2), List.of("sleep", "600"));

    assertThat(run.timedOut()).isTrue();
    assertThat(run.millis()).isLessThan(15_000);
    assertThatThrownBy(() -> Expect.refused(run))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the run ended by itself");
  }

  @Test
  void aStackTraceOrAJavaClassNameInTheOutputFailsTheCheck() {
    Confined.Run trace =
        new Confined.Run(
            "agent apply",
            1,
            "",
            "error\n\tat io.netroot.os.AtomicFile.write(AtomicFile.java:40)\n",
            false,
            1);
    Confined.Run name =
        new Confined.Run("agent apply", 1, "", "cannot write: AccessDeniedException\n", false, 1);

    assertThatThrownBy(() -> Expect.clean(trace)).hasMessageContaining("a stack trace");
    assertThatThrownBy(() -> Expect.clean(name)).hasMessageContaining("AccessDeniedException");
  }
}
