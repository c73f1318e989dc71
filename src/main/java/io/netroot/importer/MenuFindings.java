package io.netroot.importer;

import io.netroot.adopt.PxelinuxBoot;
import io.netroot.adopt.PxelinuxConfig;
import io.netroot.adopt.PxelinuxConfig.Label;
import io.netroot.adopt.ServerMeaning;
import io.netroot.importer.ImportReport.Section;
import io.netroot.importer.SpecDoc.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * How netroot's menu and entries will differ from the server's: netroot owns {@code
 * pxelinux.cfg/default} whole and writes it from the specs (the entry {@code local}, {@code
 * LOCALBOOT 0}, then every Profile; the default entry and timeout of the BootServer), and writes
 * every entry with its own {@code ip=} argument and {@code IPAPPEND 2}.
 */
final class MenuFindings {

  private static final String KEY = "menu " + ImportContext.MENU;

  private final ImportContext ctx;
  private final ServerMeaning before;

  MenuFindings(ImportContext ctx, ServerMeaning before) {
    this.ctx = ctx;
    this.before = before;
  }

  void report() {
    String file = ctx.underTftp(ImportContext.MENU);
    Optional<PxelinuxConfig> menu = ctx.boot.config(ImportContext.MENU);
    if (menu.isEmpty()) {
      ctx.report.add(
          Section.CHANGES, file, "netroot writes its menu here; there is none now", List.of(KEY));
    } else {
      labels(menu.get(), file);
      unattended(menu.get(), file);
    }
    for (ProfilePlan plan : ctx.profiles.values()) {
      if (!plan.imported()) {
        continue;
      }
      if (!plan.inMenu) {
        ctx.report.add(
            Section.CHANGES,
            plan.where,
            "profile "
                + plan.profile.name()
                + " joins the menu: netroot's menu offers every profile",
            List.of(KEY + " label " + plan.profile.name()));
      }
      if (plan.ipappend != 2) {
        changed(
            plan,
            "IPAPPEND " + plan.ipappend + " becomes IPAPPEND 2 (BOOTIF= on the command line)");
      }
      if (!plan.append.ownIp()) {
        changed(
            plan,
            "netroot adds "
                + (plan.append.method().yaml().equals("kernel") ? "ip=::::::dhcp" : "ip=dhcp")
                + " to the command line of "
                + plan.profile.name());
      }
    }
  }

  private void labels(PxelinuxConfig menu, String file) {
    boolean local = false;
    for (Label label : menu.labels()) {
      String key = KEY + " label " + label.name();
      String where = file + ":" + label.line();
      if (label.localboot() != null) {
        String value = PxelinuxBoot.firstWord(label.localboot().value());
        boolean same = label.name().equals("local") && value.equals("0");
        local |= label.name().equals("local");
        if (!same) {
          ctx.report.add(
              Section.CHANGES,
              where,
              "LABEL "
                  + label.name()
                  + " (LOCALBOOT "
                  + value
                  + ") is not in netroot's menu, whose"
                  + " entry local boots LOCALBOOT 0",
              List.of(key, KEY + " label local"));
        }
        continue;
      }
      ProfilePlan plan =
          ctx.profiles.values().stream().filter(p -> p.label == label).findFirst().orElse(null);
      if (plan != null && plan.imported()) {
        if (!plan.profile.name().equals(label.name())) {
          ctx.report.add(
              Section.CHANGES,
              where,
              "LABEL " + label.name() + " becomes profile " + plan.profile.name(),
              List.of(key, KEY + " label " + plan.profile.name()));
        }
        continue;
      }
      String why =
          plan != null ? plan.whyNot() : "it boots the same as another entry, which is imported";
      ctx.report.add(
          Section.CHANGES,
          where,
          "LABEL " + label.name() + " leaves the menu: " + why,
          List.of(key));
    }
    if (!local) {
      ctx.report.add(
          Section.CHANGES,
          file,
          "netroot's menu adds LABEL local (LOCALBOOT 0)",
          List.of(KEY + " label local"));
    }
    if (menu.global("TIMEOUT") == null) {
      ctx.report.add(
          Section.CHANGES,
          file,
          "the menu gets TIMEOUT 50, netroot's default",
          List.of(KEY + " timeout"));
    }
  }

  /** Whether the menu still boots, unattended, what it boots now. */
  private void unattended(PxelinuxConfig menu, String file) {
    String choice = PxelinuxBoot.unattendedChoice(menu);
    Label label = choice == null ? null : menu.label(choice);
    String chosen = pxe("default");
    boolean same;
    if (choice == null) {
      same = "0".equals(pxe("timeout"));
    } else if (label != null && label.localboot() != null) {
      same =
          "local".equals(chosen) && PxelinuxBoot.firstWord(label.localboot().value()).equals("0");
    } else {
      ProfilePlan plan =
          ctx.profiles.values().stream().filter(p -> p.label == label).findFirst().orElse(null);
      same = plan != null && plan.imported() && plan.profile.name().equals(chosen);
    }
    if (same) {
      return;
    }
    SortedMap<String, String> fields = before.objects().get(KEY);
    String was = fields == null ? null : fields.get("unattended");
    List<String> keys = new ArrayList<>(List.of(KEY + " unattended"));
    keys.addAll(keysWithValue(was, "boots "));
    String now =
        choice == null
            ? "waiting for a choice"
            : label != null && label.localboot() != null
                ? "LABEL "
                    + choice
                    + " (LOCALBOOT "
                    + PxelinuxBoot.firstWord(label.localboot().value())
                    + ")"
                : "LABEL " + choice;
    String then = chosen == null || chosen.equals("local") ? "local (LOCALBOOT 0)" : chosen;
    ctx.report.add(
        Section.CHANGES,
        file,
        "without a key pressed, the menu boots " + then + " (pxe.default) instead of " + now,
        keys);
  }

  private String pxe(String key) {
    Object pxe = ctx.server == null ? null : ctx.server.get("pxe");
    if (pxe instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Field f && f.key().equals(key)) {
          return String.valueOf(f.value());
        }
      }
    }
    return null;
  }

  private void changed(ProfilePlan plan, String what) {
    List<String> keys = new ArrayList<>(keysWithValue(plan.entry, ""));
    keys.add(KEY + " label " + plan.profile.name());
    ctx.report.add(Section.CHANGES, plan.where, what, keys);
  }

  /** The meaning keys ({@code OBJECT FIELD}) whose value is {@code value}, fields starting so. */
  private List<String> keysWithValue(String value, String fieldPrefix) {
    List<String> out = new ArrayList<>();
    if (value == null) {
      return out;
    }
    for (Map.Entry<String, SortedMap<String, String>> o : before.objects().entrySet()) {
      for (Map.Entry<String, String> f : o.getValue().entrySet()) {
        if (f.getKey().startsWith(fieldPrefix) && value.equals(f.getValue())) {
          out.add(o.getKey() + " " + f.getKey());
        }
      }
    }
    return out;
  }
}
