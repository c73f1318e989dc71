package io.netroot.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.spec.Host;
import io.netroot.spec.SpecSet;
import org.junit.jupiter.api.Test;

class PxelinuxConfigRendererTest {

  @Test
  void hostFileBootsItsProfileWithoutPrompt() {
    SpecSet specs = RenderFixtures.seed();
    String file = new PxelinuxConfigRenderer(specs).host(specs.hosts().get(0));

    assertThat(file)
        .startsWith(
            "# managed by netroot, edit the specs: changes here are reverted\n"
                + "# host devboard, profile nfs-centos55\n"
                + "DEFAULT nfs-centos55\n"
                + "PROMPT 0\n"
                + "\n"
                + "LABEL nfs-centos55\n");
    assertThat(file).doesNotContain("UI ").doesNotContain("TIMEOUT").doesNotContain("LOCALBOOT");
  }

  @Test
  void hostFileHasTheSameEntryAsTheMenu() {
    SpecSet specs = RenderFixtures.lab();
    PxelinuxConfigRenderer renderer = new PxelinuxConfigRenderer(specs);
    for (Host host : specs.hosts()) {
      String file = renderer.host(host);
      String entry = file.substring(file.indexOf("LABEL "));
      assertThat(renderer.menu()).contains(entry);
      assertThat(entry).startsWith("LABEL " + host.profile() + "\n");
    }
  }

  @Test
  void menuOffersLocalDiskThenEveryProfileInSpecOrder() {
    String menu = new PxelinuxConfigRenderer(RenderFixtures.lab()).menu();
    assertThat(menu)
        .containsSubsequence(
            "UI menu.c32\n",
            "PROMPT 1\n",
            "TIMEOUT 100\n",
            "MENU TITLE netroot: labboot\n",
            "DEFAULT nfs-centos55\n",
            "LABEL local\n",
            "LABEL nfs-centos55\n",
            "LABEL debian12-rescue\n");
  }

  @Test
  void initrdOnlyWhenTheKernelHasOneAndPathsAreAbsolute() {
    String menu = new PxelinuxConfigRenderer(RenderFixtures.lab()).menu();
    assertThat(menu)
        .contains(
            "  KERNEL ::/images/linux-nfs1/vmlinuz-nfs1\n  APPEND ",
            "  KERNEL ::/images/debian-6.1/vmlinuz-6.1.0-18-amd64\n"
                + "  INITRD ::/images/debian-6.1/initrd.img-6.1.0-18-amd64\n");
    assertThat(menu.lines().filter(l -> l.startsWith("  INITRD"))).hasSize(1);
  }

  @Test
  void menuLabelDefaultsToTheProfileName() {
    SpecSet seed = RenderFixtures.seed();
    var profile = seed.profiles().get(0);
    var unlabelled =
        new io.netroot.spec.Profile(
            profile.name(),
            profile.kernel(),
            profile.rootImage(),
            profile.nfsOptions(),
            profile.kernelArgs(),
            null,
            io.netroot.spec.Firmware.AUTO,
            io.netroot.spec.Loader.SYSLINUX,
            io.netroot.spec.SecureBoot.OPTIONAL,
            profile.origin());
    String entry =
        PxelinuxConfigRenderer.entry(
            seed.server(), unlabelled, seed.kernels().get(0), seed.rootImages().get(0));
    assertThat(entry).contains("  MENU LABEL nfs-centos55\n");
  }
}
