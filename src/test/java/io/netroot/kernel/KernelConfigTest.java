package io.netroot.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netroot.NetrootException;
import io.netroot.kernel.KernelConfig.State;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelConfigTest {

  @TempDir Path dir;

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(KernelConfigTest.class.getResource(name).toURI());
  }

  @Test
  void readsBuiltInModuleValueAndUnsetOptions() throws Exception {
    KernelConfig config = KernelConfig.read(fixture("nfsroot.config"));
    assertThat(config.state("CONFIG_ROOT_NFS")).isEqualTo(State.BUILT_IN);
    assertThat(config.state("CONFIG_NFS_V2")).isEqualTo(State.NOT_SET);
    assertThat(config.state("CONFIG_IP_PNP_BOOTP")).isEqualTo(State.NOT_SET);
    assertThat(config.state("CONFIG_NEVER_MENTIONED")).isEqualTo(State.NOT_SET);
    assertThat(config.state("CONFIG_LOG_BUF_SHIFT")).isEqualTo(State.VALUE);
    assertThat(config.value("CONFIG_LOG_BUF_SHIFT")).isEqualTo("17");
    assertThat(config.value("CONFIG_LOCALVERSION")).isEqualTo("-nfs1");
    assertThat(config.value("CONFIG_CC_VERSION_TEXT")).isEqualTo("gcc (Debian 12.2.0-14) 12.2.0");
  }

  @Test
  void modulesAreNotBuiltIn() throws Exception {
    KernelConfig config = KernelConfig.read(fixture("modular.config"));
    assertThat(config.state("CONFIG_NFS_FS")).isEqualTo(State.MODULE);
    assertThat(config.value("CONFIG_NFS_FS")).isEqualTo("m");
    assertThat(config.state("CONFIG_IP_PNP")).isEqualTo(State.NOT_SET);
    assertThat(config.value("CONFIG_IP_PNP")).isNull();
    assertThat(config.value("CONFIG_LOCALVERSION")).isEmpty();
  }

  @Test
  void aLaterLineWinsAndNIsNotSet() {
    KernelConfig config =
        KernelConfig.parse(
            "CONFIG_A=m\nCONFIG_A=y\nCONFIG_B=y\n# CONFIG_B is not set\nCONFIG_C=n\r\n"
                + "#CONFIG_D=y\n  CONFIG_E=\"quoted \\\"x\\\"\"\n");
    assertThat(config.state("CONFIG_A")).isEqualTo(State.BUILT_IN);
    assertThat(config.state("CONFIG_B")).isEqualTo(State.NOT_SET);
    assertThat(config.state("CONFIG_C")).isEqualTo(State.NOT_SET);
    assertThat(config.state("CONFIG_D")).isEqualTo(State.NOT_SET);
    assertThat(config.value("CONFIG_E")).isEqualTo("quoted \"x\"");
  }

  @Test
  void aMissingFileSaysWhich() {
    Path missing = dir.resolve("config-none");
    assertThatThrownBy(() -> KernelConfig.read(missing))
        .isInstanceOf(NetrootException.class)
        .hasMessageContaining("cannot read kernel config " + missing);
  }
}
