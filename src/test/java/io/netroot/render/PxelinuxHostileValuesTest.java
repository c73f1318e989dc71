package io.netroot.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netroot.spec.Firmware;
import io.netroot.spec.Host;
import io.netroot.spec.Kernel;
import io.netroot.spec.Loader;
import io.netroot.spec.Profile;
import io.netroot.spec.RootImage;
import io.netroot.spec.RootMethod;
import io.netroot.spec.SecureBoot;
import io.netroot.spec.SpecSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Spec values that would add pxelinux directives or split an argument are refused. */
class PxelinuxHostileValuesTest {

  private static final String EVIL = "Rescue\nLABEL evil\n  KERNEL /evil";

  @Test
  void menuLabelWithANewLabelIsRefusedWithItsPositionAndTheValueOnOneLine() {
    Profile profile =
        new Profile(
            "rescue",
            "linux-nfs1",
            "cent55",
            List.of("tcp"),
            List.of(),
            EVIL,
            Firmware.AUTO,
            Loader.SYSLINUX,
            SecureBoot.OPTIONAL,
            HostileSpecs.originWith("profiles.yaml", "spec.menuLabel", 7, 14));

    assertThatThrownBy(() -> new PxelinuxConfigRenderer(withProfile(profile)).menu())
        .isInstanceOf(UnsafeValueException.class)
        .hasMessage(
            "profiles.yaml:7:14: Profile \"rescue\": spec.menuLabel"
                + " \"Rescue\\nLABEL evil\\n  KERNEL /evil\" cannot be written into pxelinux.cfg:"
                + " a line break (U+000A) would end the line, and pxelinux would read what follows"
                + " as a new directive (character 7)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\rLABEL evil", "a\u2028LABEL evil", "a\u0085b", "a\0b", "a\u001bb"})
  void everyKindOfLineBreakOrControlCharacterInTheTitleIsRefused(String title) {
    SpecSet specs = withServer(HostileSpecs.server(title, "local", "/srv/tftp"));

    assertThatThrownBy(() -> new PxelinuxConfigRenderer(specs).menu())
        .isInstanceOf(UnsafeValueException.class)
        .hasMessageContaining("spec.pxe.title")
        .hasMessageNotContaining("\r")
        .hasMessageNotContaining("\u2028");
  }

  @Test
  void textWithQuotesHashesAndLettersOutsideAsciiIsWrittenAsItIs() {
    Profile profile = profile("rescue", "Débian \"rescue\" # $HOME ^shell", List.of("quiet"));

    String menu = new PxelinuxConfigRenderer(withProfile(profile)).menu();

    assertThat(menu).contains("\n  MENU LABEL Débian \"rescue\" # $HOME ^shell\n");
  }

  @Test
  void aLeadingBlankThatPxelinuxWouldSkipIsRefused() {
    Profile profile = profile("rescue", " Rescue", List.of());

    assertThatThrownBy(() -> new PxelinuxConfigRenderer(withProfile(profile)).menu())
        .hasMessageContaining("skips the blanks");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a b", "a\tb", "", "naïve", "a\u00a0b"})
  void aProfileNameThatIsNotOneWordIsRefused(String name) {
    Profile profile = profile(name, "Rescue", List.of());

    assertThatThrownBy(() -> new PxelinuxConfigRenderer(withProfile(profile)).menu())
        .isInstanceOf(UnsafeValueException.class)
        .hasMessageContaining("metadata.name");
  }

  @Test
  void aDefaultEntryWithArgumentsIsRefused() {
    SpecSet specs = withServer(HostileSpecs.server("menu", "local init=/bin/sh", "/srv/tftp"));

    assertThatThrownBy(() -> new PxelinuxConfigRenderer(specs).menu())
        .hasMessageContaining("spec.pxe.default \"local init=/bin/sh\"");
  }

  @Test
  void aKernelFileNameWithABlankIsRefused() {
    Kernel kernel = HostileSpecs.kernel("linux-nfs1", "vmlinuz single", null, RootMethod.KERNEL);

    assertThatThrownBy(() -> new PxelinuxConfigRenderer(withKernel(kernel)).menu())
        .hasMessageContaining("spec.image")
        .hasMessageContaining("a space would split it");
  }

  @Test
  void anInitrdFileNameWithACommaIsRefused() {
    Kernel kernel =
        HostileSpecs.kernel("linux-nfs1", "vmlinuz", "initrd,evil.img", RootMethod.KERNEL);

    assertThatThrownBy(() -> new PxelinuxConfigRenderer(withKernel(kernel)).menu())
        .hasMessageContaining("spec.initrd")
        .hasMessageContaining("start another one");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/srv/root init=/bin/sh", "/srv/root\tx", "/srv/a,nolock", "/srv/\"a"})
  void aRootImagePathThatWouldSplitNfsrootIsRefused(String path) {
    RootImage image = new RootImage("cent55", path, RenderFixtures.origin("images.yaml"));

    assertThatThrownBy(() -> new PxelinuxConfigRenderer(withImage(image)).menu())
        .isInstanceOf(UnsafeValueException.class)
        .hasMessageContaining("RootImage \"cent55\": spec.path");
  }

  @Test
  void aColonInThePathIsRefusedOnlyWhereDracutSplitsAtColons() {
    RootImage image = new RootImage("cent55", "/srv/a:b", RenderFixtures.origin("images.yaml"));
    Profile profile = RenderFixtures.centos55Profile();
    var server = RenderFixtures.seed().server();

    assertThat(KernelCommandLine.of(server, profile, image, RootMethod.KERNEL))
        .contains("nfsroot=10.0.0.1:/srv/a:b,tcp,vers=3 ");
    assertThatThrownBy(() -> KernelCommandLine.of(server, profile, image, RootMethod.DRACUT))
        .hasMessageContaining("dracut");
  }

  @ParameterizedTest
  @ValueSource(strings = {"vers=3,nolock", "vers=3 init=/bin/sh", "", "a\"b"})
  void anNfsOptionThatIsNotOneOptionIsRefused(String option) {
    Profile profile = profileWith(List.of("tcp", option), List.of());

    assertThatThrownBy(() -> new PxelinuxConfigRenderer(withProfile(profile)).menu())
        .hasMessageContaining("spec.nfsOptions.1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"quiet init=/bin/sh", "a\"", "", "x\ny"})
  void aKernelArgumentThatIsNotOneArgumentIsRefused(String arg) {
    Profile profile = profileWith(List.of(), List.of("console=ttyS0", arg));

    assertThatThrownBy(() -> new PxelinuxConfigRenderer(withProfile(profile)).menu())
        .hasMessageContaining("spec.kernelArgs.1");
  }

  @Test
  void aLineLongerThanPxelinuxReadsWholeIsRefused() {
    String fits = "x".repeat(PxelinuxValues.MAX_LINE_BYTES - "  MENU LABEL ".length());
    String tooLong = "é".repeat(2100);

    assertThat(new PxelinuxConfigRenderer(withProfile(profile("p", fits, List.of()))).menu())
        .contains(fits + "\n");
    assertThatThrownBy(
            () -> new PxelinuxConfigRenderer(withProfile(profile("p", tooLong, List.of()))).menu())
        .hasMessageContaining("its line would be 4213 bytes long");
  }

  @Test
  void aRefusedProfileFailsTheMenuAndItsHostsButNotTheOtherHosts() {
    SpecSet lab = RenderFixtures.lab();
    Profile good = lab.profiles().get(0);
    Profile bad = profile("bad", EVIL, List.of());
    Host ofBad = HostileSpecs.host("node-bad", "bad");
    Host ofGood = lab.hosts().get(0);
    SpecSet specs =
        new SpecSet(
            lab.server(),
            lab.networks(),
            lab.kernels(),
            lab.rootImages(),
            lab.exports(),
            List.of(good, bad),
            List.of(ofGood, ofBad));

    PxelinuxConfigRenderer renderer = new PxelinuxConfigRenderer(specs);

    assertThat(renderer.host(ofGood)).contains("LABEL " + good.name() + "\n");
    assertThatThrownBy(renderer::menu).isInstanceOf(UnsafeValueException.class);
    assertThatThrownBy(() -> renderer.host(ofBad)).isInstanceOf(UnsafeValueException.class);
  }

  @Test
  void aHostNameWithALineBreakFailsOnlyItsOwnFile() {
    SpecSet seed = RenderFixtures.seed();
    Host evil = HostileSpecs.host("node\nDEFAULT evil", "nfs-centos55");
    PxelinuxConfigRenderer renderer = new PxelinuxConfigRenderer(seed);

    assertThatThrownBy(() -> renderer.host(evil))
        .hasMessageContaining("Host \"node\\nDEFAULT evil\": metadata.name");
    assertThat(renderer.menu()).contains("LABEL nfs-centos55\n");
    assertThat(renderer.host(seed.hosts().get(0))).contains("# host devboard,");
  }

  private static Profile profile(String name, String menuLabel, List<String> args) {
    return HostileSpecs.profile(name, "linux-nfs1", "cent55", List.of("tcp"), args, menuLabel);
  }

  private static Profile profileWith(List<String> options, List<String> args) {
    return HostileSpecs.profile("rescue", "linux-nfs1", "cent55", options, args, "Rescue");
  }

  private static SpecSet withProfile(Profile profile) {
    SpecSet seed = RenderFixtures.seed();
    return new SpecSet(
        HostileSpecs.server("menu", profile.name(), "/srv/tftp"),
        seed.networks(),
        seed.kernels(),
        seed.rootImages(),
        seed.exports(),
        List.of(profile),
        List.of());
  }

  private static SpecSet withServer(io.netroot.spec.BootServer server) {
    SpecSet seed = RenderFixtures.seed();
    return new SpecSet(
        server,
        seed.networks(),
        seed.kernels(),
        seed.rootImages(),
        seed.exports(),
        seed.profiles(),
        seed.hosts());
  }

  private static SpecSet withKernel(Kernel kernel) {
    SpecSet seed = RenderFixtures.seed();
    return new SpecSet(
        seed.server(),
        seed.networks(),
        List.of(kernel),
        seed.rootImages(),
        seed.exports(),
        seed.profiles(),
        seed.hosts());
  }

  private static SpecSet withImage(RootImage image) {
    SpecSet seed = RenderFixtures.seed();
    return new SpecSet(
        seed.server(),
        seed.networks(),
        seed.kernels(),
        List.of(image),
        seed.exports(),
        seed.profiles(),
        seed.hosts());
  }
}
