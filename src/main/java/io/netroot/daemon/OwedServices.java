package io.netroot.daemon;

import io.netroot.os.RootFs;
import io.netroot.state.PendingServices;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service actions a pass owes, as {@code /status}, {@code status.json} and {@code agent status}
 * show them: read from the journal ({@link PendingServices}) that a pass writes before the first
 * write calling for one, and clears once they ran. What is left there was cut short (the agent was
 * killed or stopped mid-pass) or failed; the next pass runs it.
 */
public final class OwedServices {

  /** The journal, as a server path. */
  public static final String PATH = "/var/lib/netroot/pending-services.json";

  private OwedServices() {}

  /**
   * Each owed action ({@code action}: {@code restart dhcpd}) with the paths whose change called for
   * it ({@code causes}); empty when nothing is owed.
   *
   * @throws io.netroot.NetrootException when the journal cannot be read
   */
  public static List<Map<String, Object>> read(RootFs root) {
    List<Map<String, Object>> owed = new ArrayList<>();
    new PendingServices(root)
        .load()
        .forEach(
            (action, causes) -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("action", action.describe());
              m.put("causes", List.copyOf(causes));
              owed.add(m);
            });
    return owed;
  }
}
