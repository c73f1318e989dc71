package io.netroot.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class CpuProgressTest {

  @Test
  void aProgramUsingCpuIsWorkAndOneBlockedIsNot() throws Exception {
    Thread blocked = new Thread(() -> {});
    CpuProgress cpu = new CpuProgress(blocked);
    cpu.getAsBoolean(); // programs already running are taken as they are
    Process sleeping = new ProcessBuilder("sleep", "30").start();
    Process spinning = null;
    try {
      assertThat(cpu.getAsBoolean()).as("a program just started").isTrue();
      // On a loaded machine the new program may still be loading after 300 ms: it must be seen as
      // idle once it sleeps, within a few seconds.
      boolean working = true;
      for (int i = 0; i < 20 && working; i++) {
        Thread.sleep(300);
        working = cpu.getAsBoolean();
      }
      assertThat(working).as("a program blocked in sleep").isFalse();
      spinning = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
      cpu.getAsBoolean();
      Thread.sleep(300);
      assertThat(cpu.getAsBoolean()).as("a program using CPU").isTrue();
    } finally {
      sleeping.destroy();
      if (spinning != null) {
        spinning.destroy();
      }
    }
  }

  @Test
  void theLoopThreadUsingCpuIsWorkAndParkedIsNot() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch spun = new CountDownLatch(1);
    Thread loop =
        new Thread(
            () -> {
              long end = System.nanoTime() + 300_000_000L;
              long x = 0;
              while (System.nanoTime() < end) {
                x += end % 7;
              }
              spun.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              assertThat(x).isNotNegative();
            });
    loop.start();
    CpuProgress cpu = new CpuProgress(loop);
    cpu.getAsBoolean();
    spun.await();
    assertThat(cpu.getAsBoolean()).as("it spun").isTrue();
    Thread.sleep(300);
    assertThat(cpu.getAsBoolean()).as("it waits on a latch").isFalse();
    release.countDown();
    loop.join();
  }
}
