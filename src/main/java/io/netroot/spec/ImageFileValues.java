package io.netroot.spec;

import java.util.regex.Pattern;

/**
 * The grammars of a file netroot keeps inside a root image ({@code RootImage spec.files}): its path
 * inside the image and its mode.
 *
 * <p>The path is resolved under the image's directory, so it is held to one normalised form that
 * names exactly one file there: absolute, no {@code //}, no {@code .} or {@code ..} segment (which
 * could leave the image), no trailing {@code /}, not {@code /} itself, and no control character.
 *
 * <p>The mode is three or four octal digits ({@code 644}, {@code 0644}); set-uid, set-gid and
 * sticky bits are refused, so a spec cannot hand a client a set-uid file.
 */
final class ImageFileValues {

  /** Linux's {@code PATH_MAX} less its terminating NUL, as for server paths. */
  static final int MAX_PATH = ServerPath.MAX_LENGTH;

  /** The mode of a file whose spec names none. */
  static final int DEFAULT_MODE = 0644;

  private static final Pattern MODE = Pattern.compile("[0-7]{3,4}");

  static final Grammar PATH = ImageFileValues::pathProblem;
  static final Grammar MODE_BITS = ImageFileValues::modeProblem;

  private ImageFileValues() {}

  static String pathProblem(String value) {
    if (value.isEmpty()) {
      return "is empty; give the file's absolute path inside the image, such as /etc/motd";
    }
    if (!value.startsWith("/")) {
      return "must be an absolute path inside the image (starting with /), such as /etc/motd";
    }
    if (value.length() > MAX_PATH) {
      return "is longer than " + MAX_PATH + " characters";
    }
    int control = Grammar.firstRefused(value, c -> !Grammar.isControl(c));
    if (control >= 0) {
      return "contains "
          + Grammar.describe(control)
          + "; a path holds no control or format characters";
    }
    if (value.equals("/")) {
      return "is the image's root directory; name a file inside it, such as /etc/motd";
    }
    if (value.endsWith("/")) {
      return "ends with /; name a file, written without the trailing /";
    }
    for (String segment : value.substring(1).split("/", -1)) {
      if (segment.isEmpty()) {
        return "contains //; write each / once";
      }
      if (segment.equals(".") || segment.equals("..")) {
        return "contains a \"" + segment + "\" segment; write the path without . and ..";
      }
      if (segment.length() > ServerPath.MAX_SEGMENT) {
        return "has a name longer than " + ServerPath.MAX_SEGMENT + " characters";
      }
    }
    return null;
  }

  static String modeProblem(String value) {
    if (!MODE.matcher(value).matches()) {
      return "is not a file mode; write three or four octal digits in quotes, such as \"0644\" or"
          + " \"0755\"";
    }
    if (value.length() == 4 && value.charAt(0) != '0') {
      return "sets the set-uid, set-gid or sticky bit; a file netroot keeps in an image has a mode"
          + " of 0777 or less, such as \"0644\"";
    }
    return null;
  }

  /** The permission bits of a mode {@link #MODE_BITS} accepted. */
  static int mode(String value) {
    return Integer.parseInt(value, 8);
  }
}
