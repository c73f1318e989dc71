package io.netroot.catalog;

import io.netroot.os.Found;
import io.netroot.os.ModeAndOwner;
import io.netroot.os.RootFs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Some keys of one section of an INI-style file that others edit too ({@code [nfsd]} in {@code
 * /etc/nfs.conf}). netroot manages only the keys the spec sets; every other line and section,
 * comments included, is kept byte for byte.
 *
 * <ul>
 *   <li>A key that is present is changed in place: only its value is replaced, so its spelling, the
 *       spacing around {@code =} and a trailing comment stay. Every occurrence in the section is
 *       changed; the last one is what the daemon reads and what is compared.
 *   <li>A missing key is added at the end of the section, after its last non-blank line.
 *   <li>A missing section is added at the end of the file; a missing file is created.
 *   <li>A commented line ({@code # vers3=y}) is not the key.
 * </ul>
 *
 * <p>The managed content is the managed keys as {@code key=value} lines, in the order the spec
 * gives them: as found in the file (keys that are absent are left out), and as desired. Section and
 * key names are compared without regard to case, as nfs-utils does. When no spec produces the keys
 * any more they are left as they are: netroot cannot know what they were before.
 *
 * <p>The file's mode and owner are the admin's, within the rule of {@code
 * FileResource.writableOnlyByRoot}.
 */
public final class IniKeys extends FileResource {

  private static final Pattern SECTION = Pattern.compile("\\s*\\[\\s*([^\\]]*?)\\s*\\]\\s*");
  private static final Pattern ENTRY =
      Pattern.compile("(\\s*)([^\\s=#;\\[][^=]*?)(\\s*=\\s*)(.*?)(\\s*(?:[#;].*)?)");

  private final String section;
  private final Map<String, String> keys;

  /**
   * @param section the section name, without brackets; {@code null} for a file without sections,
   *     such as the {@code KEY="value"} shell settings of {@code /etc/default/tftpd-hpa}
   * @param keys the managed keys and their values, in the order they are shown and added
   */
  public IniKeys(
      String path,
      String description,
      String section,
      Map<String, String> keys,
      List<ResourceId> dependsOn,
      List<ServiceAction> notifies) {
    super(idFor(path, section), StateKind.SETTINGS, path, description, dependsOn, notifies);
    this.section = section;
    this.keys = new LinkedHashMap<>(keys);
  }

  /** The id: {@code keys:PATH[SECTION]}. */
  public static ResourceId idFor(String path, String section) {
    return new ResourceId(
        ResourceId.Kind.KEYS, path + (section == null ? "" : "[" + section + "]"));
  }

  @Override
  public Content desired() {
    StringBuilder text = new StringBuilder();
    keys.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
    return Content.text(text.toString());
  }

  @Override
  ModeAndOwner wanted(ModeAndOwner found) {
    return writableOnlyByRoot(found);
  }

  @Override
  public Optional<Content> observe(RootFs root) {
    forgetObserved();
    Found found = BlockInFile.lookShared(root, path());
    observed(found);
    Optional<String> file = BlockInFile.text(found);
    sawFile(root, file.isPresent());
    Optional<Content> present = file.map(text -> Content.text(found(lines(text))));
    if (present.filter(content -> content.size() == 0).isPresent()) {
      partMissing("keys");
    }
    return present;
  }

  /** The managed keys present in the section, as {@code key=value} lines. */
  private String found(List<String> lines) {
    Map<String, String> values = new LinkedHashMap<>();
    boolean inSection = section == null;
    for (String line : lines) {
      String body = body(line);
      Matcher header = SECTION.matcher(body);
      if (header.matches()) {
        inSection = isOurs(header.group(1));
        continue;
      }
      Matcher entry = ENTRY.matcher(body);
      if (inSection && entry.matches()) {
        String key = managedKey(entry.group(2));
        if (key != null) {
          values.put(key, entry.group(4));
        }
      }
    }
    StringBuilder text = new StringBuilder();
    for (String key : keys.keySet()) {
      if (values.containsKey(key)) {
        text.append(key).append('=').append(values.get(key)).append('\n');
      }
    }
    return text.toString();
  }

  @Override
  public byte[] candidate(RootFs root, Content desired) {
    return edit(current(root).orElse("")).getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The file as the last observe read it; read now only when this resource was never observed. */
  private Optional<String> current(RootFs root) {
    Found found = lastObserved();
    return BlockInFile.text(found != null ? found : BlockInFile.lookShared(root, path()));
  }

  /** The file with the managed keys set; {@code current} is one char per byte. */
  String edit(String current) {
    List<String> lines = lines(current);
    List<String> out = new ArrayList<>(lines.size() + keys.size() + 2);
    Map<String, Boolean> seen = new LinkedHashMap<>();
    boolean inSection = section == null;
    int insertAt = section == null ? 0 : -1;
    for (String line : lines) {
      String body = body(line);
      Matcher header = SECTION.matcher(body);
      if (header.matches()) {
        inSection = isOurs(header.group(1));
        out.add(line);
        if (inSection) {
          insertAt = out.size();
        }
        continue;
      }
      Matcher entry = ENTRY.matcher(body);
      String key = inSection && entry.matches() ? managedKey(entry.group(2)) : null;
      if (key != null) {
        seen.put(key, true);
        String ending = line.substring(body.length());
        out.add(
            entry.group(1)
                + entry.group(2)
                + entry.group(3)
                + keys.get(key)
                + entry.group(5)
                + ending);
      } else {
        out.add(line);
      }
      if (inSection && !body.isBlank()) {
        insertAt = out.size();
      }
    }
    List<String> missing = new ArrayList<>();
    keys.forEach(
        (key, value) -> {
          if (!seen.containsKey(key)) {
            missing.add(key + "=" + value + "\n");
          }
        });
    if (missing.isEmpty()) {
      return String.join("", out);
    }
    if (insertAt < 0) {
      if (!out.isEmpty()) {
        terminateLast(out);
        out.add("\n");
      }
      out.add("[" + section + "]\n");
      out.addAll(missing);
    } else {
      if (insertAt == out.size()) {
        terminateLast(out);
      }
      out.addAll(insertAt, missing);
    }
    return String.join("", out);
  }

  @Override
  public void write(RootFs root, Content desired) {
    byte[] content = candidate(root, desired);
    refuseIfChanged(root);
    root.writeFile(path(), content, modeForRewrite(null));
    wrote();
  }

  /** The keys stay as they are: netroot does not know what they were before it set them. */
  @Override
  public void remove(RootFs root) {}

  private boolean isOurs(String name) {
    return section != null && name.equalsIgnoreCase(section);
  }

  /** The managed key a written key names, in the spelling of the spec, or {@code null}. */
  private String managedKey(String written) {
    String lower = written.toLowerCase(Locale.ROOT);
    for (String key : keys.keySet()) {
      if (key.toLowerCase(Locale.ROOT).equals(lower)) {
        return key;
      }
    }
    return null;
  }

  /** Lines with their endings ({@code \n}, {@code \r\n}, or none on the last). */
  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      end = end < 0 ? text.length() : end + 1;
      lines.add(text.substring(start, end));
      start = end;
    }
    return lines;
  }

  /** A line without its ending. */
  private static String body(String line) {
    int end = line.length();
    if (end > 0 && line.charAt(end - 1) == '\n') {
      end--;
      if (end > 0 && line.charAt(end - 1) == '\r') {
        end--;
      }
    }
    return line.substring(0, end);
  }

  private static void terminateLast(List<String> out) {
    int last = out.size() - 1;
    if (last >= 0 && !out.get(last).endsWith("\n")) {
      out.set(last, out.get(last) + "\n");
    }
  }
}
