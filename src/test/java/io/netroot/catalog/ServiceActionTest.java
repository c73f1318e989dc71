package io.netroot.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.netroot.engine.RecordingServices;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of service action says what it does, and does it through the service backend. */
class ServiceActionTest {

  private static final List<ServiceAction> ALL =
      List.of(
          ServiceAction.restart("isc-dhcp-server"),
          ServiceAction.reexport("nfs-kernel-server"),
          ServiceAction.daemonReload(),
          ServiceAction.reload("kea-dhcp4-server"),
          ServiceAction.disableNow("isc-dhcp-server"),
          ServiceAction.enableNow("kea-dhcp4-server"));

  @Test
  void everyKindIsDescribedForPeople() {
    assertThat(ALL)
        .extracting(ServiceAction::describe)
        .containsExactly(
            "restart isc-dhcp-server",
            "exportfs -ra (nfs-kernel-server)",
            "systemctl daemon-reload",
            "reload kea-dhcp4-server",
            "stop and disable isc-dhcp-server",
            "enable and start kea-dhcp4-server");
    assertThat(ALL.stream().map(ServiceAction::kind).distinct())
        .hasSize(ServiceAction.Kind.values().length);
  }

  @Test
  void everyKindRunsItsOwnCall() {
    RecordingServices services = new RecordingServices();
    ALL.forEach(action -> action.runOn(services));
    assertThat(services.calls)
        .containsExactly(
            "restart isc-dhcp-server",
            "reexport",
            "daemon-reload",
            "reload kea-dhcp4-server",
            "disable --now isc-dhcp-server",
            "enable --now kea-dhcp4-server");
  }
}
