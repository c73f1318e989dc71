package io.netroot.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading stays linear: 50 000 hosts over a few /16 networks load in seconds. */
class SpecLoaderScaleTest {

  private static final int HOSTS = 50_000;

  @TempDir Path dir;

  @Test
  void fiftyThousandHostsOverSeveralNetworksLoadAndValidate() {
    StringBuilder yaml = new StringBuilder(HOSTS * 130);
    yaml.append(SpecFixtures.resource("seed.yaml").replace("10.0.0.0/24", "10.0.0.0/16"));
    for (int n = 1; n <= 3; n++) {
      yaml.append("\n---\napiVersion: netroot/v1\nkind: Network\nmetadata: {name: net")
          .append(n)
          .append("}\nspec: {subnet: 10.")
          .append(n)
          .append(".0.0/16, dynamicRange: {start: 10.")
          .append(n)
          .append(".255.1, end: 10.")
          .append(n)
          .append(".255.200}}\n");
    }
    yaml.append("---\napiVersion: netroot/v1\nkind: Export\nmetadata: {name: all-nets}\n")
        .append("spec: {path: /storage/diskless, clients: [{match: 10.1.0.0/16, options: [ro]},")
        .append(" {match: 10.2.0.0/16, options: [ro]}, {match: 10.3.0.0/16, options: [ro]}]}\n");
    for (int i = 0; i < HOSTS; i++) {
      int network = 1 + i % 3;
      int index = i / 3 + 2;
      yaml.append("---\napiVersion: netroot/v1\nkind: Host\nmetadata: {name: node")
          .append(i)
          .append("}\nspec: {mac: ")
          .append(String.format("02:00:00:%02x:%02x:%02x", i >> 16 & 0xff, i >> 8 & 0xff, i & 0xff))
          .append(", ip: 10.")
          .append(network)
          .append('.')
          .append(index >> 8)
          .append('.')
          .append(index & 0xff)
          .append(", profile: nfs-centos55}\n");
    }
    SpecFixtures.write(dir, "hosts.yaml", yaml.toString());

    SpecSet set = SpecLoader.load(dir);

    assertThat(set.hosts()).hasSize(HOSTS + 1);
    assertThat(set.networks()).hasSize(4);
  }
}
