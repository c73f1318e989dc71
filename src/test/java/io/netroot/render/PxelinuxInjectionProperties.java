package io.netroot.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.render.PxelinuxReader.Directive;
import io.netroot.spec.BootServer;
import io.netroot.spec.Host;
import io.netroot.spec.Kernel;
import io.netroot.spec.Profile;
import io.netroot.spec.RootImage;
import io.netroot.spec.RootMethod;
import io.netroot.spec.SpecSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * For any values in the free-text, name, path and option fields a profile reaches pxelinux through,
 * the menu and the host file are either refused or read back by pxelinux's own rules to exactly
 * those values: the same directives in the same order, no extra label, kernel or argument.
 */
class PxelinuxInjectionProperties {

  /** The fields a value can be put into, one per try; the others keep plain values. */
  enum Field {
    TITLE,
    PROFILE_NAME,
    MENU_LABEL,
    KERNEL_NAME,
    IMAGE_FILE,
    INITRD_FILE,
    ROOT_PATH,
    NFS_OPTION,
    KERNEL_ARG,
    HOST_NAME
  }

  @Property(tries = 1000)
  void everyPxelinuxFileIsRefusedOrReadsBackExactly(
      @ForAll Field field,
      @ForAll("values") String value,
      @ForAll("fileNames") String fileName,
      @ForAll RootMethod method) {
    Statistics.label("outcome")
        .coverage(
            checker -> {
              checker.check("refused").percentage(p -> p > 10);
              checker.check("read back").percentage(p -> p > 10);
            });
    String title = field == Field.TITLE ? value : "netroot menu";
    String profileName = field == Field.PROFILE_NAME ? value : "rescue";
    String menuLabel = field == Field.MENU_LABEL ? value : "Rescue shell";
    String kernelName = field == Field.KERNEL_NAME ? value : "linux";
    String imageFile = field == Field.IMAGE_FILE ? fileName : "vmlinuz";
    String initrdFile = field == Field.INITRD_FILE ? fileName : "initrd.img";
    String rootPath = field == Field.ROOT_PATH ? value : "/srv/root";
    String nfsOption = field == Field.NFS_OPTION ? value : "vers=3";
    String kernelArg = field == Field.KERNEL_ARG ? value : "console=ttyS0,115200n8";
    String hostName = field == Field.HOST_NAME ? value : "node1";
    BootServer server = HostileSpecs.server(title, profileName, "/srv/tftp");
    Kernel kernel = HostileSpecs.kernel(kernelName, imageFile, initrdFile, method);
    RootImage image = new RootImage("img", rootPath, RenderFixtures.origin("images.yaml"));
    Profile profile =
        HostileSpecs.profile(
            profileName,
            kernelName,
            "img",
            List.of("tcp", nfsOption),
            List.of("quiet", kernelArg),
            menuLabel);
    Host host = HostileSpecs.host(hostName, profileName);
    SpecSet specs =
        HostileSpecs.specs(
            server,
            RenderFixtures.labNetwork(),
            kernel,
            image,
            RenderFixtures.cent55Export(),
            profile,
            host);

    String menu;
    String hostFile;
    try {
      PxelinuxConfigRenderer renderer = new PxelinuxConfigRenderer(specs);
      menu = renderer.menu();
      hostFile = renderer.host(host);
    } catch (UnsafeValueException e) {
      Statistics.label("outcome").collect("refused");
      assertThat(e.getMessage()).doesNotContain("\n", "\r").contains("pxelinux.cfg");
      return;
    }
    Statistics.label("outcome").collect("read back");

    List<Directive> entry = expectedEntry(server, kernel, image, profile);
    List<Directive> expectedMenu = new ArrayList<>();
    expectedMenu.add(new Directive("ui", "menu.c32"));
    expectedMenu.add(new Directive("prompt", "1"));
    expectedMenu.add(new Directive("timeout", "50"));
    expectedMenu.add(new Directive("menu title", title));
    expectedMenu.add(new Directive("default", profileName));
    expectedMenu.add(new Directive("label", "local"));
    expectedMenu.add(new Directive("menu label", "Boot from local disk"));
    expectedMenu.add(new Directive("localboot", "0"));
    expectedMenu.addAll(entry);
    assertThat(PxelinuxReader.read(menu)).containsExactlyElementsOf(expectedMenu);

    List<Directive> expectedHost = new ArrayList<>();
    expectedHost.add(new Directive("default", profileName));
    expectedHost.add(new Directive("prompt", "0"));
    expectedHost.addAll(entry);
    assertThat(PxelinuxReader.read(hostFile)).containsExactlyElementsOf(expectedHost);

    assertArgumentsReadBack(menu, server, kernel, image, profile, method);
  }

  private static List<Directive> expectedEntry(
      BootServer server, Kernel kernel, RootImage image, Profile profile) {
    List<Directive> entry = new ArrayList<>();
    entry.add(new Directive("label", profile.name()));
    entry.add(new Directive("menu label", profile.menuLabel()));
    entry.add(
        new Directive("kernel", PxelinuxConfigRenderer.ABSOLUTE + TftpLayout.kernelImage(kernel)));
    entry.add(
        new Directive("initrd", PxelinuxConfigRenderer.ABSOLUTE + TftpLayout.kernelInitrd(kernel)));
    entry.add(
        new Directive("append", KernelCommandLine.of(server, profile, image, kernel.rootMethod())));
    entry.add(new Directive("ipappend", "2"));
    return entry;
  }

  /**
   * The command line holds exactly the root arguments and the profile's, one argument each, and the
   * NFS root names the image's path and the profile's options as the mounting side splits them.
   */
  private static void assertArgumentsReadBack(
      String menu,
      BootServer server,
      Kernel kernel,
      RootImage image,
      Profile profile,
      RootMethod method) {
    Directive append =
        PxelinuxReader.read(menu).stream()
            .filter(d -> d.keyword().equals("append"))
            .reduce((a, b) -> b)
            .orElseThrow();
    List<String> args = PxelinuxReader.kernelArguments(append.value());
    String prefix = server.address() + ":";
    List<String> expected = new ArrayList<>();
    switch (method) {
      case KERNEL -> expected.addAll(List.of("ip=::::::dhcp", "root=/dev/nfs"));
      case INITRAMFS_TOOLS -> expected.addAll(List.of("ip=dhcp", "boot=nfs"));
      case DRACUT -> expected.add("ip=dhcp");
    }
    assertThat(args).hasSize(expected.size() + 1 + profile.kernelArgs().size());
    assertThat(args.subList(0, expected.size())).isEqualTo(expected);
    assertThat(args.subList(expected.size() + 1, args.size())).isEqualTo(profile.kernelArgs());

    String root = args.get(expected.size());
    String path;
    List<String> options;
    if (method == RootMethod.DRACUT) {
      // dracut's nfsroot_to_var: root=nfs:<server>:<path>[:<options>], split at colons
      assertThat(root).startsWith("root=nfs:" + prefix);
      String[] fields = root.substring(("root=nfs:" + prefix).length()).split(":", -1);
      assertThat(fields).hasSize(2);
      path = fields[0];
      options = Arrays.asList(fields[1].split(",", -1));
    } else {
      // nfsroot=<server>:<path>[,<options>]: the path ends at the first comma
      assertThat(root).startsWith("nfsroot=" + prefix);
      String[] fields = root.substring(("nfsroot=" + prefix).length()).split(",", -1);
      path = fields[0];
      options = Arrays.asList(fields).subList(1, fields.length);
    }
    assertThat(path).isEqualTo(image.path());
    assertThat(options).isEqualTo(profile.nfsOptions());

    List<String> kernelWord = PxelinuxReader.kernelArguments("/" + TftpLayout.kernelImage(kernel));
    assertThat(kernelWord).containsExactly("/" + TftpLayout.kernelImage(kernel));
    String initrd = "initrd=/" + TftpLayout.kernelInitrd(kernel);
    assertThat(PxelinuxReader.kernelArguments(initrd)).containsExactly(initrd);
    assertThat(initrd.split(",", -1)).hasSize(1);
  }

  @Provide
  Arbitrary<String> values() {
    return HostileSpecs.values();
  }

  @Provide
  Arbitrary<String> fileNames() {
    return HostileSpecs.fileNames();
  }
}
