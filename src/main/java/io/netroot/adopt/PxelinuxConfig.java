package io.netroot.adopt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A pxelinux configuration file ({@code pxelinux.cfg/default}, {@code pxelinux.cfg/01-…}) read as
 * syslinux reads it: one directive a line, its keyword in any case, leading blanks skipped, {@code
 * #} starting a comment line, {@code TEXT HELP … ENDTEXT} skipped. Directives before the first
 * {@code LABEL}, and the global ones anywhere ({@code DEFAULT}, {@code TIMEOUT}…), are the file's;
 * the others belong to the label above them.
 */
public final class PxelinuxConfig {

  /** The directives that are the file's wherever they stand. */
  static final Set<String> GLOBAL =
      Set.of(
          "DEFAULT",
          "UI",
          "PROMPT",
          "TIMEOUT",
          "TOTALTIMEOUT",
          "ONTIMEOUT",
          "ONERROR",
          "NOESCAPE",
          "NOCOMPLETE",
          "ALLOWOPTIONS",
          "SERIAL",
          "CONSOLE",
          "FONT",
          "KBDMAP",
          "DISPLAY",
          "SAY",
          "INCLUDE",
          "MENU TITLE",
          "MENU BACKGROUND",
          "MENU COLOR",
          "MENU RESOLUTION",
          "MENU END",
          "MENU SEPARATOR",
          "MENU MARGIN",
          "MENU ROWS",
          "MENU WIDTH",
          "MENU MASTER",
          "MENU INCLUDE",
          "MENU BEGIN",
          "MENU HIDDEN",
          "MENU SHIFTKEY",
          "MENU TABMSG",
          "MENU AUTOBOOT",
          "MENU NOTABMSG",
          "MENU CMDLINEROW",
          "MENU TIMEOUTROW",
          "MENU VSHIFT",
          "MENU HELPMSGROW",
          "MENU HELPMSGENDROW",
          "MENU PASSWORDROW",
          "MENU TABMSGROW",
          "MENU PASSPROMPT");

  /** The {@code MENU} directives read as two words. */
  private static final Set<String> MENU_SECOND =
      Set.of(
          "LABEL",
          "TITLE",
          "DEFAULT",
          "HIDE",
          "END",
          "BEGIN",
          "INCLUDE",
          "SEPARATOR",
          "BACKGROUND",
          "COLOR",
          "COLOUR",
          "PASSWD",
          "INDENT",
          "DISABLE",
          "MASTER",
          "RESOLUTION",
          "MARGIN",
          "ROWS",
          "WIDTH",
          "HIDDEN",
          "SHIFTKEY",
          "TABMSG",
          "AUTOBOOT",
          "NOTABMSG",
          "CMDLINEROW",
          "TIMEOUTROW",
          "VSHIFT",
          "HELPMSGROW",
          "HELPMSGENDROW",
          "PASSWORDROW",
          "TABMSGROW",
          "PASSPROMPT",
          "GOTO",
          "EXIT",
          "QUIT",
          "IMMEDIATE",
          "SAVE",
          "NOSAVE");

  private final Map<String, Directive> globals;
  private final List<Directive> others;
  private final List<Label> labels;

  private PxelinuxConfig(
      Map<String, Directive> globals, List<Directive> others, List<Label> labels) {
    this.globals = globals;
    this.others = others;
    this.labels = labels;
  }

  /**
   * One directive.
   *
   * @param keyword uppercase, two words for {@code MENU …} ({@code MENU LABEL})
   * @param value the rest of the line, blanks around it removed
   * @param line its 1-based line
   */
  public record Directive(String keyword, String value, int line) {}

  /**
   * One {@code LABEL} and its directives, each the last one given (or {@code null}).
   *
   * @param kernelKeyword the keyword that named the kernel: {@code KERNEL}, {@code LINUX}, {@code
   *     COM32}…
   */
  public record Label(
      String name,
      int line,
      Directive kernel,
      String kernelKeyword,
      Directive initrd,
      Directive append,
      Directive ipappend,
      Directive localboot,
      Directive menuLabel,
      boolean menuDefault,
      List<Directive> others) {}

  /** Reads the text of a configuration file. */
  public static PxelinuxConfig parse(String text) {
    Map<String, Directive> globals = new LinkedHashMap<>();
    List<Directive> others = new ArrayList<>();
    List<Label> labels = new ArrayList<>();
    LabelBuilder current = null;
    String[] lines = text.split("\r?\n|\r", -1);
    boolean inText = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (inText) {
        inText = !line.toUpperCase(Locale.ROOT).startsWith("ENDTEXT");
        continue;
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Directive d = directive(line, i + 1);
      if (d.keyword().equals("TEXT")) {
        inText = true;
        continue;
      }
      if (d.keyword().equals("LABEL")) {
        if (current != null) {
          labels.add(current.build());
        }
        current = new LabelBuilder(d.value(), d.line());
      } else if (GLOBAL.contains(d.keyword()) || (current == null && isLabelOnly(d.keyword()))) {
        globals.put(d.keyword(), d);
      } else if (current == null) {
        others.add(d);
      } else {
        current.add(d);
      }
    }
    if (current != null) {
      labels.add(current.build());
    }
    return new PxelinuxConfig(globals, List.copyOf(others), List.copyOf(labels));
  }

  /** Directives of a label that, before any label, are the default of every label. */
  private static boolean isLabelOnly(String keyword) {
    return keyword.equals("APPEND") || keyword.equals("IPAPPEND") || keyword.equals("SYSAPPEND");
  }

  /** The file's directive {@code keyword} (the last given), or {@code null}. */
  public Directive global(String keyword) {
    return globals.get(keyword);
  }

  /** The directives before the first label that are neither the file's nor defaults of labels. */
  public List<Directive> others() {
    return others;
  }

  /** The file's own directives, in the order last given. */
  public List<Directive> globals() {
    return List.copyOf(globals.values());
  }

  /** The labels, in file order. */
  public List<Label> labels() {
    return labels;
  }

  /** The label named {@code name} (the first one), or {@code null}. */
  public Label label(String name) {
    for (Label l : labels) {
      if (l.name().equals(name)) {
        return l;
      }
    }
    return null;
  }

  /** The label marked {@code MENU DEFAULT}, or {@code null}. */
  public Label menuDefault() {
    return labels.stream().filter(Label::menuDefault).findFirst().orElse(null);
  }

  static Directive directive(String line, int number) {
    String[] head = line.split("\\s+", 2);
    String keyword = head[0].toUpperCase(Locale.ROOT);
    String rest = head.length > 1 ? head[1].strip() : "";
    if (keyword.equals("MENU") && !rest.isEmpty()) {
      String[] second = rest.split("\\s+", 2);
      String word = second[0].toUpperCase(Locale.ROOT);
      if (MENU_SECOND.contains(word)) {
        keyword = "MENU " + word;
        rest = second.length > 1 ? second[1].strip() : "";
      }
    }
    if (keyword.equals("SYSAPPEND")) {
      keyword = "IPAPPEND";
    }
    return new Directive(keyword, rest, number);
  }

  /** Collects one label's directives. */
  private static final class LabelBuilder {
    final String name;
    final int line;
    Directive kernel;
    String kernelKeyword;
    Directive initrd;
    Directive append;
    Directive ipappend;
    Directive localboot;
    Directive menuLabel;
    boolean menuDefault;
    final List<Directive> others = new ArrayList<>();

    LabelBuilder(String name, int line) {
      this.name = name;
      this.line = line;
    }

    void add(Directive d) {
      switch (d.keyword()) {
        case "KERNEL", "LINUX", "BOOT", "BSS", "PXE", "FDIMAGE", "COMBOOT", "COM32", "CONFIG" -> {
          kernel = d;
          kernelKeyword = d.keyword();
        }
        case "INITRD" -> initrd = d;
        case "APPEND" -> append = d;
        case "IPAPPEND" -> ipappend = d;
        case "LOCALBOOT" -> localboot = d;
        case "MENU LABEL" -> menuLabel = d;
        case "MENU DEFAULT" -> menuDefault = true;
        default -> others.add(d);
      }
    }

    Label build() {
      return new Label(
          name,
          line,
          kernel,
          kernelKeyword,
          initrd,
          append,
          ipappend,
          localboot,
          menuLabel,
          menuDefault,
          List.copyOf(others));
    }
  }
}
