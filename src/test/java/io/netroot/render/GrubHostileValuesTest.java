package io.netroot.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netroot.spec.Firmware;
import io.netroot.spec.Host;
import io.netroot.spec.Loader;
import io.netroot.spec.Origin;
import io.netroot.spec.Profile;
import io.netroot.spec.RootImage;
import io.netroot.spec.SecureBoot;
import io.netroot.spec.SpecSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Spec values that would become GRUB script (a new command, a variable, a second menu entry) or
 * change the kernel's command line on GRUB's way to it are written as data or refused.
 */
class GrubHostileValuesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Rescue' { linux /evil }; menuentry 'x",
        "$(reboot) ${prefix} `id` ; reboot",
        "a\\' b \" c",
        "it's { } [ ] && || # not a comment"
      })
  void aMenuLabelOfGrubSyntaxIsOneQuotedWordAndNothingElse(String label) {
    Profile profile = grubProfile("rescue", label, List.of("quiet"), Origin.synthetic("p"));

    String menu = new GrubConfigRenderer(withProfile(profile)).menu();

    String quoted = "'" + label.replace("'", "'\\''") + "'";
    assertThat(menu).contains("\nmenuentry " + quoted + " --id 'rescue' {\n");
    assertThat(GrubScript.words(quoted)).containsExactly(label);
    assertThat(menu.lines().filter(l -> l.startsWith("menuentry "))).hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Rescue\nreboot", "a\rb", "a\u2028b", "a\u0085b", "a\0b", "a\u001bb"})
  void everyLineBreakOrControlCharacterInTheLabelIsRefused(String label) {
    Profile profile = grubProfile("rescue", label, List.of(), Origin.synthetic("p"));

    assertThatThrownBy(() -> new GrubConfigRenderer(withProfile(profile)).menu())
        .isInstanceOf(UnsafeValueException.class)
        .hasMessageContaining("cannot be written into grub.cfg")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aBackslashOrQuoteGrubWouldEscapeOnTheKernelCommandLineIsRefusedAtItsPosition() {
    Profile profile =
        grubProfile(
            "rescue",
            "Rescue",
            List.of("quiet", "x='y'"),
            HostileSpecs.originWith("profiles.yaml", "spec.kernelArgs.1", 9, 20));

    assertThatThrownBy(() -> new GrubConfigRenderer(withProfile(profile)).menu())
        .isInstanceOf(UnsafeValueException.class)
        .hasMessage(
            "profiles.yaml:9:20: Profile \"rescue\": spec.kernelArgs.1 \"x='y'\" cannot be"
                + " written into grub.cfg: GRUB's linux command would write a backslash before"
                + " it, so the kernel would read another argument than the one pxelinux passes"
                + " (character 3)");
  }

  @Test
  void kernelArgumentsWithGrubSyntaxAreQuotedWordsOnTheLinuxLine() {
    Profile profile =
        grubProfile(
            "rescue",
            "Rescue",
            List.of("init=$(reboot)", "a;reboot", "${root}", "x{y}"),
            Origin.synthetic("p"));
    SpecSet specs = withProfile(profile);
    Host host = HostileSpecs.host("node", "rescue");

    String file = new GrubConfigRenderer(specs).host(host);

    String linux = file.lines().filter(l -> l.startsWith("  linux ")).findFirst().orElseThrow();
    assertThat(GrubScript.words(linux.substring("  linux ".length())))
        .containsExactly(
            "/images/linux-nfs1/vmlinuz-nfs1",
            "ip=::::::dhcp",
            "root=/dev/nfs",
            "nfsroot=10.0.0.1:/storage/diskless/cent55_root,tcp",
            "init=$(reboot)",
            "a;reboot",
            "${root}",
            "x{y}",
            "BOOTIF=01-52-54-00-12-34-56");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a b", "a\tb", "naïve"})
  void aProfileNameThatIsNotAnAsciiWordIsRefused(String name) {
    Profile profile = grubProfile(name, "Rescue", List.of(), Origin.synthetic("p"));

    assertThatThrownBy(() -> new GrubConfigRenderer(withProfile(profile)).menu())
        .isInstanceOf(UnsafeValueException.class)
        .hasMessageContaining("metadata.name");
  }

  @Test
  void aRootImagePathThatGrubWouldEscapeIsRefusedAtThePath() {
    SpecSet seed = RenderFixtures.seed();
    Profile profile = grubProfile("rescue", "Rescue", List.of(), Origin.synthetic("p"));
    RootImage image =
        new RootImage(
            "cent55", "/srv/it's", HostileSpecs.originWith("images.yaml", "spec.path", 4, 9));
    SpecSet specs =
        new SpecSet(
            HostileSpecs.server("menu", "rescue", "/srv/tftp"),
            seed.networks(),
            seed.kernels(),
            List.of(image),
            seed.exports(),
            List.of(profile),
            List.of());

    assertThatThrownBy(() -> new GrubConfigRenderer(specs).menu())
        .isInstanceOf(UnsafeValueException.class)
        .hasMessageStartingWith("images.yaml:4:9: RootImage \"cent55\": spec.path");
  }

  @Test
  void theRefusalOfOneProfileFailsItsHostsAndTheMenuButNotAnotherProfilesHosts() {
    Profile evil = grubProfile("evil", "Evil\nreboot", List.of(), Origin.synthetic("p"));
    Profile good = grubProfile("good", "Good", List.of(), Origin.synthetic("p"));
    SpecSet seed = RenderFixtures.seed();
    SpecSet specs =
        new SpecSet(
            HostileSpecs.server("menu", "good", "/srv/tftp"),
            seed.networks(),
            seed.kernels(),
            seed.rootImages(),
            seed.exports(),
            List.of(evil, good),
            List.of());
    GrubConfigRenderer renderer = new GrubConfigRenderer(specs);

    assertThatThrownBy(renderer::menu).isInstanceOf(UnsafeValueException.class);
    assertThatThrownBy(() -> renderer.host(HostileSpecs.host("a", "evil")))
        .isInstanceOf(UnsafeValueException.class);
    assertThat(renderer.host(HostileSpecs.host("b", "good")))
        .contains("set default='good'")
        .contains("menuentry 'Good' --id 'good' {");
  }

  private static Profile grubProfile(
      String name, String menuLabel, List<String> args, Origin origin) {
    return new Profile(
        name,
        "linux-nfs1",
        "cent55",
        List.of("tcp"),
        args,
        menuLabel,
        Firmware.AUTO,
        Loader.GRUB,
        SecureBoot.OPTIONAL,
        origin);
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

  /**
   * The words GRUB's script lexer makes of a line of arguments (grub-core/script/yylex.l): blanks
   * separate words; {@code '…'} is literal; outside quotes, a backslash makes the next character
   * literal. Enough of the lexer to read back what the renderer quotes: anything else unquoted
   * fails the test.
   */
  static final class GrubScript {

    static List<String> words(String line) {
      List<String> words = new java.util.ArrayList<>();
      StringBuilder word = null;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c == ' ') {
          if (word != null) {
            words.add(word.toString());
            word = null;
          }
          continue;
        }
        word = word == null ? new StringBuilder() : word;
        if (c == '\'') {
          int end = line.indexOf('\'', i + 1);
          assertThat(end).as("an unmatched quote in %s", line).isPositive();
          word.append(line, i + 1, end);
          i = end;
        } else if (c == '\\') {
          word.append(line.charAt(++i));
        } else if (c == '$' && line.startsWith("$netroot_bootif", i)) {
          word.append("$netroot_bootif");
          i += "$netroot_bootif".length() - 1;
        } else {
          assertThat("$;|&{}()<>\"`#")
              .as("an unquoted %s in %s", c, line)
              .doesNotContain(String.valueOf(c));
          word.append(c);
        }
      }
      if (word != null) {
        words.add(word.toString());
      }
      return words;
    }
  }
}
