package io.netroot.adopt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code [nfsd]} keys of {@code /etc/nfs.conf} and of its drop-ins {@code
 * /etc/nfs.conf.d/*.conf}, read in that order (a later file's key wins, as nfs-utils 2.5 reads
 * them). Sections and keys are read in any case; {@code #} and {@code ;} start comments.
 */
public final class NfsConf {

  /** The main file. */
  public static final String FILE = "/etc/nfs.conf";

  /** The drop-in directory. */
  public static final String DROP_INS = "/etc/nfs.conf.d";

  private static final Set<String> YES = Set.of("y", "yes", "t", "true", "on", "1");
  private static final Set<String> NO = Set.of("n", "no", "f", "false", "off", "0");

  private final Map<String, Setting> nfsd;

  private NfsConf(Map<String, Setting> nfsd) {
    this.nfsd = nfsd;
  }

  /**
   * One key as the server has it.
   *
   * @param value its value, blanks around it removed
   * @param file the file it is set in
   * @param line its 1-based line
   */
  public record Setting(String value, String file, int line) {

    /** {@code FILE:LINE}. */
    public String where() {
      return file + ":" + line;
    }
  }

  /** Reads the files that are there; none is an empty configuration. */
  public static NfsConf read(ServerFiles files) {
    Map<String, Setting> nfsd = new LinkedHashMap<>();
    files.read(FILE).ifPresent(r -> parse(r.text(), FILE, nfsd));
    for (String name : files.list(DROP_INS)) {
      if (name.endsWith(".conf")) {
        String path = DROP_INS + "/" + name;
        files.read(path).ifPresent(r -> parse(r.text(), path, nfsd));
      }
    }
    return new NfsConf(nfsd);
  }

  /** Reads one file's {@code [nfsd]} keys into {@code into}. */
  static void parse(String text, String file, Map<String, Setting> into) {
    List<String> lines = text.lines().toList();
    String section = "";
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        section = line.substring(1, line.length() - 1).strip().toLowerCase(Locale.ROOT);
        continue;
      }
      int equals = line.indexOf('=');
      if (section.equals("nfsd") && equals > 0) {
        String key = line.substring(0, equals).strip().toLowerCase(Locale.ROOT);
        into.put(key, new Setting(line.substring(equals + 1).strip(), file, i + 1));
      }
    }
  }

  /** The {@code [nfsd]} keys, in the order first set. */
  public Map<String, Setting> nfsd() {
    return nfsd;
  }

  /** A yes/no key: {@code true}, {@code false}, or {@code null} when unset or not yes/no. */
  public Boolean flag(String key) {
    Setting s = nfsd.get(key);
    if (s == null) {
      return null;
    }
    String v = s.value().toLowerCase(Locale.ROOT);
    return YES.contains(v) ? Boolean.TRUE : NO.contains(v) ? Boolean.FALSE : null;
  }
}
