package io.netroot.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.adopt.PxelinuxConfig.Label;
import org.junit.jupiter.api.Test;

class PxelinuxConfigTest {

  /** The seed's entry, keywords in any case, as pxelinux reads them. */
  static final String SEED =
      """
      default nfs-centos55
      Prompt 1
      TIMEOUT 200
      MENU TITLE  Lab
      # a comment
      APPEND quiet

      LABEL nfs-centos55
              kernel /images/vmlinuz-2.6.18-NFS1
              MENU LABEL nfs-centos55
              append ip=::::::dhcp text rootfstype=nfs root=/dev/nfs nfsroot=10.0.0.1:/diskless/cent55_root
              ipappend 2
      TEXT HELP
        KERNEL not-this-one
      ENDTEXT
      LABEL local
        menu default
        LOCALBOOT -1
      label dracut
        LINUX c7/vmlinuz
        INITRD c7/initrd.img
        SYSAPPEND 3
        MENU HIDE
      """;

  @Test
  void readsTheFilesDirectivesAndEachLabels() {
    PxelinuxConfig config = PxelinuxConfig.parse(SEED);
    assertThat(config.global("DEFAULT").value()).isEqualTo("nfs-centos55");
    assertThat(config.global("PROMPT").value()).isEqualTo("1");
    assertThat(config.global("MENU TITLE").value()).isEqualTo("Lab");
    assertThat(config.global("APPEND").value()).isEqualTo("quiet");
    assertThat(config.labels())
        .extracting(Label::name)
        .containsExactly("nfs-centos55", "local", "dracut");

    Label nfs = config.label("nfs-centos55");
    assertThat(nfs.line()).isEqualTo(8);
    assertThat(nfs.kernelKeyword()).isEqualTo("KERNEL");
    assertThat(nfs.kernel().value()).isEqualTo("/images/vmlinuz-2.6.18-NFS1");
    assertThat(nfs.menuLabel().value()).isEqualTo("nfs-centos55");
    assertThat(nfs.append().value()).startsWith("ip=::::::dhcp text").endsWith("cent55_root");
    assertThat(nfs.ipappend().value()).isEqualTo("2");
    assertThat(nfs.others()).isEmpty();

    Label local = config.label("local");
    assertThat(local.localboot().value()).isEqualTo("-1");
    assertThat(local.menuDefault()).isTrue();
    assertThat(config.menuDefault()).isSameAs(local);

    Label dracut = config.label("dracut");
    assertThat(dracut.kernelKeyword()).isEqualTo("LINUX");
    assertThat(dracut.initrd().value()).isEqualTo("c7/initrd.img");
    assertThat(dracut.ipappend().value()).isEqualTo("3");
    assertThat(dracut.others())
        .extracting(PxelinuxConfig.Directive::keyword)
        .containsExactly("MENU HIDE");
  }

  @Test
  void anEmptyOrCommentOnlyFileHasNothing() {
    PxelinuxConfig config = PxelinuxConfig.parse("# nothing\n\n");
    assertThat(config.labels()).isEmpty();
    assertThat(config.global("DEFAULT")).isNull();
  }
}
