package io.netroot.importer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What the import could not express, what applying the specs will change, and what it guessed, each
 * with the place on the server ({@code FILE:LINE}) it is about. Written to {@code IMPORT-REPORT.md}
 * beside the specs (netroot loads only {@code *.yaml} and {@code *.yml}, so the report is never
 * read as a spec).
 *
 * <p>An item that says applying changes what clients get names the {@link
 * io.netroot.adopt.ServerMeaning} keys it is about ({@code host 08:00:2b:4c:59:23 host-name}), so
 * that a comparison of the server before and after can tell a reported change from one nobody was
 * told about. A key ending in {@code *} stands for every key it starts.
 */
public final class ImportReport {

  /** The sections, in the order written. */
  public enum Section {
    NOT_IMPORTED("Not imported", "Left on the server as it is; no spec describes it."),
    CHANGES(
        "Changes when the specs are applied",
        "What clients get will differ from what this server gives them now."),
    DROPPED(
        "Dropped when netroot adopts a declaration",
        "netroot writes the declaration from the specs, without these statements."),
    GUESSED(
        "Guessed", "Values the import made up or assumed; each is marked # guessed in the specs."),
    NOTES("Notes", "");

    final String title;
    final String explanation;

    Section(String title, String explanation) {
      this.title = title;
      this.explanation = explanation;
    }

    /** The heading, for people. */
    public String title() {
      return title;
    }
  }

  /**
   * One item.
   *
   * @param section where it goes
   * @param where {@code FILE:LINE} on the server, or {@code null}
   * @param text what it says
   * @param covers the meaning keys of what changes, for {@link Section#CHANGES}
   */
  public record Item(Section section, String where, String text, List<String> covers) {

    /** {@code FILE:LINE: text}. */
    @Override
    public String toString() {
      return (where == null ? "" : where + ": ") + text;
    }
  }

  private final List<Item> items = new ArrayList<>();

  void add(Section section, String where, String text) {
    add(section, where, text, List.of());
  }

  void add(Section section, String where, String text, Collection<String> covers) {
    items.add(new Item(section, where, text, List.copyOf(covers)));
  }

  /** Every item, in the order found. */
  public List<Item> items() {
    return List.copyOf(items);
  }

  /** The items of one section. */
  public List<Item> items(Section section) {
    return items.stream().filter(i -> i.section() == section).toList();
  }

  /** Whether some item says that {@code meaningKey} changes. */
  public boolean covers(String meaningKey) {
    for (Item item : items) {
      for (String c : item.covers()) {
        if (c.endsWith("*")
            ? meaningKey.startsWith(c.substring(0, c.length() - 1))
            : c.equals(meaningKey)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The report as Markdown, after a summary line. */
  String markdown(String summary) {
    StringBuilder out = new StringBuilder("# Import report\n\n").append(summary).append("\n");
    for (Section section : Section.values()) {
      List<Item> these = items(section);
      if (these.isEmpty()) {
        continue;
      }
      out.append("\n## ").append(section.title).append(" (").append(these.size()).append(")\n\n");
      if (!section.explanation.isEmpty()) {
        out.append(section.explanation).append("\n\n");
      }
      for (Item item : these) {
        out.append("- ");
        if (item.where() != null) {
          out.append('`').append(text(item.where())).append("`: ");
        }
        out.append(text(item.text())).append('\n');
      }
    }
    return out.toString();
  }

  /** Server text made one printable line for Markdown: other characters become {@code ?}. */
  static String text(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      out.append(c >= 0x20 && c != 0x7f ? c : '?');
    }
    return out.toString();
  }
}
